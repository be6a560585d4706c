using System.Text.Json;
using System.Text.RegularExpressions;
using ScanPipeline.Core.Documents;

namespace ScanPipeline.Storage;

/// <summary>Why a file is in quarantine. <see cref="Message"/> is the German text operators read.</summary>
public sealed record QuarantineReason(
    string Id, string ReasonCode, string Message, string? Detail, string SourceFile, string ScannerLine,
    string OriginalSha256, string OriginalFileName, DateTimeOffset QuarantinedAt, string? BatchId);

/// <summary>An operator's decision about a quarantined file: <see cref="QuarantineAction"/>, why, who and when.</summary>
public sealed record QuarantineResolution(string Action, string? Reason, string Actor, DateTimeOffset At);

public static class QuarantineAction
{
    /// <summary>The original went back into its scanner line's hot folder.</summary>
    public const string Retry = "retry";

    /// <summary>Not to be processed; the reason is kept with the original.</summary>
    public const string Discard = "discard";
}

/// <summary>
/// Files that could not be processed, each in its own folder with the untouched original and reason.json.
/// Folder names are derived from the content hash, never from a file name, so a hostile name cannot
/// escape the folder and quarantining the same file twice is a no-op.
/// </summary>
public sealed partial class QuarantineStore
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    private readonly string _root;

    public QuarantineStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    [GeneratedRegex("^q-[0-9a-f]{20}$")]
    private static partial Regex IdPattern();

    public static string IdFor(string sha256) => "q-" + sha256[..20];

    public string PathFor(string id)
    {
        if (!IdPattern().IsMatch(id)) throw new ArgumentException($"Not a quarantine id: '{id}'", nameof(id));
        return Path.Combine(_root, id);
    }

    /// <summary>Quarantines an original held in memory (already stored or not). Returns the record.</summary>
    public QuarantineReason Add(ReadOnlySpan<byte> original, string reasonCode, string message, string? detail,
        string sourceFileName, string scannerLine, string? batchId)
    {
        var sha = Ids.Sha256Hex(original);
        var reason = new QuarantineReason(IdFor(sha), reasonCode, message, detail, Path.GetFileName(sourceFileName),
            scannerLine, sha, "original" + Extension(original), DateTimeOffset.UtcNow, batchId);
        var bytes = original.ToArray();
        Commit(reason, temp => WriteDurably(Path.Combine(temp, reason.OriginalFileName), bytes));
        return Read(reason.Id) ?? reason;
    }

    /// <summary>Moves a file into quarantine without reading it into memory (for files over the size limit).</summary>
    public QuarantineReason AddByMove(string path, string reasonCode, string message, string? detail, string scannerLine)
    {
        string sha;
        using (var stream = File.OpenRead(path)) sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        var reason = new QuarantineReason(IdFor(sha), reasonCode, message, detail, Path.GetFileName(path), scannerLine,
            sha, "original.bin", DateTimeOffset.UtcNow, null);
        Commit(reason, temp => File.Copy(path, Path.Combine(temp, reason.OriginalFileName)));
        return Read(reason.Id) ?? reason;
    }

    public QuarantineReason? Read(string id)
    {
        var file = Path.Combine(PathFor(id), "reason.json");
        return File.Exists(file) ? JsonSerializer.Deserialize<QuarantineReason>(File.ReadAllBytes(file), JsonOptions) : null;
    }

    /// <summary>The open items (not yet retried or discarded), oldest first.</summary>
    public IReadOnlyList<QuarantineReason> List() =>
        Directory.EnumerateDirectories(_root)
            .Select(Path.GetFileName).OfType<string>()
            .Where(id => IdPattern().IsMatch(id) && !File.Exists(Path.Combine(_root, id, ResolutionFileName)))
            .Select(Read).OfType<QuarantineReason>()
            .OrderBy(r => r.QuarantinedAt)
            .ToList();

    /// <summary>Path of an item's untouched original.</summary>
    public string OriginalPath(QuarantineReason reason) => Path.Combine(PathFor(reason.Id), reason.OriginalFileName);

    public const string ResolutionFileName = "resolution.json";

    /// <summary>Where resolved items are kept: resolved/&lt;id&gt;-&lt;time&gt;/ with the original, reason.json and resolution.json.</summary>
    public string ResolvedRoot => Path.Combine(_root, "resolved");

    /// <summary>
    /// Closes an item: an operator retried it (the original went back into a hot folder) or discarded it
    /// with a reason. The decision is written beside the original first, then the folder moves to
    /// <see cref="ResolvedRoot"/>; nothing is deleted. If the same file fails again, it gets a new item.
    /// Returns the resolved folder, or null when the item is not open.
    /// </summary>
    public string? Resolve(string id, QuarantineResolution resolution)
    {
        var folder = PathFor(id);
        if (!File.Exists(Path.Combine(folder, "reason.json"))) return null;
        var decision = Path.Combine(folder, ResolutionFileName);
        try
        {
            if (!File.Exists(decision))
            {
                var temp = decision + ".tmp";
                if (File.Exists(temp)) File.Delete(temp);
                WriteDurably(temp, JsonSerializer.SerializeToUtf8Bytes(resolution, JsonOptions));
                File.Move(temp, decision);
            }
            Directory.CreateDirectory(ResolvedRoot);
            var target = Path.Combine(ResolvedRoot, $"{id}-{resolution.At.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}");
            Directory.Move(folder, target);
            return target;
        }
        catch (IOException ex)
        {
            throw new StoreUnavailableException($"Quarantine write failed: {ex.Message}", ex);
        }
    }

    /// <summary>Resolved items, newest first, with their decision.</summary>
    public IReadOnlyList<(QuarantineReason Reason, QuarantineResolution Resolution)> ListResolved()
    {
        if (!Directory.Exists(ResolvedRoot)) return [];
        var items = new List<(QuarantineReason, QuarantineResolution)>();
        foreach (var folder in Directory.EnumerateDirectories(ResolvedRoot))
        {
            var reason = Path.Combine(folder, "reason.json");
            var decision = Path.Combine(folder, ResolutionFileName);
            if (!File.Exists(reason) || !File.Exists(decision)) continue;
            items.Add((JsonSerializer.Deserialize<QuarantineReason>(File.ReadAllBytes(reason), JsonOptions)!,
                JsonSerializer.Deserialize<QuarantineResolution>(File.ReadAllBytes(decision), JsonOptions)!));
        }
        return items.OrderByDescending(i => i.Item2.At).ToList();
    }

    private void Commit(QuarantineReason reason, Action<string> writeOriginal)
    {
        var final = PathFor(reason.Id);
        if (File.Exists(Path.Combine(final, "reason.json"))) return;
        var temp = Path.Combine(_root, ".tmp-" + reason.Id + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(temp);
            writeOriginal(temp);
            WriteDurably(Path.Combine(temp, "reason.json"), JsonSerializer.SerializeToUtf8Bytes(reason, JsonOptions));
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true); // incomplete leftover without reason.json
            Directory.Move(temp, final);
        }
        catch (IOException ex) when (!File.Exists(Path.Combine(final, "reason.json")))
        {
            throw new StoreUnavailableException($"Quarantine write failed: {ex.Message}", ex);
        }
        catch (IOException)
        {
            // A competing worker quarantined the same file first.
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    private static string Extension(ReadOnlySpan<byte> content)
    {
        var media = MediaTypes.Sniff(content[..Math.Min(content.Length, 1024)]);
        return media is null ? ".bin" : MediaTypes.Extension(media);
    }

    private static void WriteDurably(string path, byte[] content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using ScanPipeline.Core.Documents;

namespace ScanPipeline.Storage;

/// <summary>Why a file is in quarantine. <see cref="Message"/> is the German text operators read.</summary>
public sealed record QuarantineReason(
    string Id, string ReasonCode, string Message, string? Detail, string SourceFile, string ScannerLine,
    string OriginalSha256, string OriginalFileName, DateTimeOffset QuarantinedAt, string? BatchId);

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

    public IReadOnlyList<QuarantineReason> List() =>
        Directory.EnumerateDirectories(_root)
            .Select(Path.GetFileName).OfType<string>()
            .Where(id => IdPattern().IsMatch(id))
            .Select(Read).OfType<QuarantineReason>()
            .OrderBy(r => r.QuarantinedAt)
            .ToList();

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
            throw new TransientProcessingException($"Quarantine write failed: {ex.Message}", ex);
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

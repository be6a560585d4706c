using ScanPipeline.Core.Documents;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Worker.Operations;

/// <summary>The outcome of a quarantine retry: where the original went, or the scanner line that is not configured.</summary>
public sealed record QuarantineRetryOutcome(string? HotFolderPath, string? UnknownLine = null)
{
    public bool Succeeded => HotFolderPath is not null;
}

/// <summary>
/// An operator's decisions about quarantined files, for the command line and the web pages alike: retry puts
/// the original back into its scanner line's hot folder; discard keeps it, with the reason, under resolved/.
/// <paramref name="scannerLines"/> are the lines in force (<see cref="Configuration.ScannerLinesFile.Current"/>).
/// </summary>
public sealed class QuarantineActions(QuarantineStore store, MetadataStore metadata, IReadOnlyList<ScannerLineOptions> scannerLines, TimeProvider clock)
{
    public const int MinDiscardReasonLength = 3;

    public QuarantineRetryOutcome Retry(QuarantineReason item, string actor)
    {
        var line = scannerLines.FirstOrDefault(l => l.Name == item.ScannerLine);
        if (line is null || string.IsNullOrWhiteSpace(line.HotFolder)) return new QuarantineRetryOutcome(null, item.ScannerLine);

        // Back into the hot folder as a scanner delivers: under a .part name, renamed once complete.
        // The name is the recorded file name without any folder part, never a path from the file.
        var hotFolder = Directory.CreateDirectory(line.HotFolder).FullName;
        var name = Path.GetFileName(item.SourceFile);
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('.')) name = item.Id + Path.GetExtension(item.OriginalFileName);
        var target = Path.Combine(hotFolder, name);
        if (File.Exists(target)) target = Path.Combine(hotFolder, $"{Path.GetFileNameWithoutExtension(name)}-{item.Id}{Path.GetExtension(name)}");
        File.Copy(store.OriginalPath(item), target + ".part", overwrite: true);
        File.Move(target + ".part", target);

        metadata.ClearBatchQuarantine(item.BatchId ?? Ids.BatchId(item.OriginalSha256));
        store.Resolve(item.Id, new QuarantineResolution(QuarantineAction.Retry, null, actor, clock.GetUtcNow()));
        return new QuarantineRetryOutcome(target);
    }

    /// <summary>Discards with a reason (at least <see cref="MinDiscardReasonLength"/> characters); returns the resolved folder, or null without a reason.</summary>
    public string? Discard(QuarantineReason item, string reason, string actor)
    {
        var why = reason.Trim();
        if (why.Length < MinDiscardReasonLength) return null;
        return store.Resolve(item.Id, new QuarantineResolution(QuarantineAction.Discard, why, actor, clock.GetUtcNow()));
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Storage;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;
using ScanPipeline.Worker.Resources;

namespace ScanPipeline.Worker.Stages;

/// <summary>
/// Watches every scanner line's hot folder. A file is taken once it is completely written: its size and
/// time stamp have been stable for <see cref="IngestOptions.StableFor"/> (files still named *.tmp, *.part
/// or starting with a dot are being written and are left alone, for scanners that rename on completion).
/// Order of effects: store the original (content-addressed), record the batch, publish BatchReceived with
/// a confirm, and only then delete the hot-folder file. A crash anywhere in between repeats the same
/// idempotent steps on the next poll.
/// The lines come from <see cref="ScannerLinesFile"/>, read again before every pass: a line added there is watched
/// from the next pass on, a removed one no longer. A pass finishes the files it has started before the lines
/// change, so no file is left half taken; files still in a removed line's folder stay there untouched.
/// </summary>
public sealed class HotFolderIngest(
    IOptions<IngestOptions> options, ScannerLinesFile scannerLines, IBlobStore blobs, MetadataStore metadata, QuarantineStore quarantine,
    IMessagePublisher publisher, TimeProvider clock, ILogger<HotFolderIngest> logger) : BackgroundService
{
    private sealed record Observation(long Size, DateTime LastWriteUtc, DateTimeOffset StableSince, DateTimeOffset NextAttempt);

    private readonly Dictionary<string, Observation> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<ScannerLineOptions>? watched = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var lines = scannerLines.Current;
            if (!ReferenceEquals(lines, watched))
            {
                Watch(lines, watched);
                watched = lines;
            }
            foreach (var line in lines)
            {
                try
                {
                    await PollAsync(line, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Polling hot folder of line {Line} failed; trying again", line.Name);
                }
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Starts watching a new set of lines: creates their hot folders and forgets files of folders no longer watched.</summary>
    private void Watch(IReadOnlyList<ScannerLineOptions> lines, IReadOnlyList<ScannerLineOptions>? before)
    {
        foreach (var line in lines)
        {
            try
            {
                Directory.CreateDirectory(line.HotFolder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError("Hot folder {Folder} of line {Line} cannot be created: {Error}", line.HotFolder, line.Name, ex.Message);
            }
        }
        var folders = lines.Select(l => Path.GetFullPath(l.HotFolder)).ToHashSet(StringComparer.Ordinal);
        foreach (var path in _seen.Keys.Where(p => !folders.Contains(Path.GetDirectoryName(Path.GetFullPath(p)) ?? "")).ToList())
            _seen.Remove(path);
        if (before is null)
        {
            logger.LogInformation("Watching {Count} scanner line(s): {Lines}", lines.Count,
                string.Join(", ", lines.Select(l => $"{l.Name} ({Path.GetFullPath(l.HotFolder)})")));
            return;
        }
        string Describe(ScannerLineOptions l) => $"{l.Name} ({Path.GetFullPath(l.HotFolder)})";
        var now = lines.Select(Describe).ToHashSet(StringComparer.Ordinal);
        var was = before.Select(Describe).ToHashSet(StringComparer.Ordinal);
        logger.LogInformation("Scanner lines changed: now watching {Count} line(s); started {Started}; stopped {Stopped}", lines.Count,
            string.Join(", ", now.Except(was).DefaultIfEmpty("-")), string.Join(", ", was.Except(now).DefaultIfEmpty("-")));
    }

    /// <summary>One pass over a hot folder; returns the number of files taken (for tests).</summary>
    public async Task<int> PollAsync(ScannerLineOptions line, CancellationToken ct)
    {
        var taken = 0;
        var now = clock.GetUtcNow();
        foreach (var path in Directory.EnumerateFiles(line.HotFolder))
        {
            ct.ThrowIfCancellationRequested();
            if (IsBeingWritten(Path.GetFileName(path))) continue;
            FileInfo info = new(path);
            if (!info.Exists) continue;

            if (!_seen.TryGetValue(path, out var seen) || seen.Size != info.Length || seen.LastWriteUtc != info.LastWriteTimeUtc)
            {
                _seen[path] = new Observation(info.Length, info.LastWriteTimeUtc, now, now);
                if (options.Value.StableFor > TimeSpan.Zero) continue;
                seen = _seen[path];
            }
            if (now - seen.StableSince < options.Value.StableFor || now < seen.NextAttempt) continue;

            try
            {
                await IngestAsync(line, path, info.Length, ct);
                _seen.Remove(path);
                taken++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Store or broker unavailable, file locked: the file stays in the hot folder and every step is
                // repeated later; each step is idempotent, so a half-done attempt changes nothing.
                _seen[path] = seen with { NextAttempt = now + options.Value.RetryAfter };
                logger.LogWarning("Could not take {File} yet, will retry: {Error}", Path.GetFileName(path), ex.Message);
            }
        }
        foreach (var gone in _seen.Keys.Where(p => !File.Exists(p)).ToList()) _seen.Remove(gone);
        return taken;
    }

    private static bool IsBeingWritten(string name) =>
        name.StartsWith('.') || name.StartsWith('~')
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase);

    private async Task IngestAsync(ScannerLineOptions line, string path, long size, CancellationToken ct)
    {
        var fileName = Path.GetFileName(path);
        if (size > options.Value.MaxFileBytes)
        {
            quarantine.AddByMove(path, ReasonCodes.FileTooLarge, ReasonTexts.ForReason(ReasonCodes.FileTooLarge),
                $"{size} bytes > {options.Value.MaxFileBytes}", line.Name);
            File.Delete(path);
            logger.LogWarning("Quarantined {File} from line {Line}: too large ({Size} bytes)", fileName, line.Name, size);
            return;
        }

        var content = await File.ReadAllBytesAsync(path, ct);
        var mediaType = content.Length == 0 ? null : MediaTypes.Sniff(content.AsSpan(0, Math.Min(content.Length, 1024)));
        if (mediaType is null)
        {
            var code = content.Length == 0 ? ReasonCodes.EmptyFile : ReasonCodes.UnknownFormat;
            var record = quarantine.Add(content, code, ReasonTexts.ForReason(code), null, fileName, line.Name, batchId: null);
            File.Delete(path);
            logger.LogWarning("Quarantined {File} from line {Line} as {Id}: {Reason}", fileName, line.Name, record.Id, code);
            return;
        }

        var sha = await blobs.PutAsync(content, ct);
        var batch = new BatchReceived(Ids.BatchId(sha), line.Name, sha, fileName, mediaType, content.LongLength, clock.GetUtcNow());
        metadata.RecordBatchReceived(new BatchRecord(batch.BatchId, batch.ScannerLine, sha, fileName, mediaType,
            batch.SizeBytes, batch.ReceivedAt, BatchStatus.Received));
        await publisher.PublishAsync(batch, ct);
        File.Delete(path);
        logger.LogInformation("Took {File} from line {Line} as batch {Batch} ({Size} bytes, {Media})",
            fileName, line.Name, batch.BatchId, content.Length, mediaType);
    }
}

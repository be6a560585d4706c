using ScanPipeline.Core.Documents;
using ScanPipeline.Storage;

namespace ScanPipeline.Worker.Hosting;

/// <summary>Where a submitted file stands: still in the pipeline, filed (inbox or verification), or quarantined.</summary>
public sealed record BatchOutcome(bool IsDone, IReadOnlyList<InboxItem> Documents, QuarantineReason? Quarantine, BatchRecord? Batch);

/// <summary>
/// Follows a submitted file through the stores by its content hash (never by its name): the run command and
/// the end-to-end tests use it to know when every file has arrived somewhere visible.
/// </summary>
public sealed class BatchTracker(MetadataStore metadata, QuarantineStore quarantine)
{
    public BatchOutcome Outcome(string originalSha256)
    {
        var quarantined = quarantine.Read(QuarantineStore.IdFor(originalSha256));
        var batchId = Ids.BatchId(originalSha256);
        var batch = metadata.FindBatch(batchId);
        var documents = metadata.ListInboxByBatch(batchId);
        var done = quarantined is not null
                   || batch?.Status == BatchStatus.Quarantined
                   || (batch?.DocumentCount is { } count && documents.Count >= count);
        return new BatchOutcome(done, documents, quarantined, batch);
    }
}

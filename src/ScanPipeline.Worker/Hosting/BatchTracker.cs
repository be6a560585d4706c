using ScanPipeline.Core.Documents;
using ScanPipeline.Storage;

namespace ScanPipeline.Worker.Hosting;

/// <summary>
/// Where a submitted file stands: still in the pipeline, its documents filed (inbox or verification), or quarantined
/// (the whole file, or some of its documents: <see cref="QuarantinedDocuments"/>, document id → reason code).
/// </summary>
public sealed record BatchOutcome(bool IsDone, IReadOnlyList<InboxItem> Documents, QuarantineReason? Quarantine, BatchRecord? Batch,
    IReadOnlyDictionary<string, string> QuarantinedDocuments);

/// <summary>
/// Follows a submitted file through the stores by its content hash (never by its name): the run command and
/// the end-to-end tests use it to know when every file has arrived somewhere visible. A batch cut into several
/// documents is done when each of its documents is filed or quarantined; a batch quarantined before it was cut
/// (unreadable, or nothing left after separation) is done at once.
/// </summary>
public sealed class BatchTracker(MetadataStore metadata, QuarantineStore quarantine)
{
    public BatchOutcome Outcome(string originalSha256)
    {
        var quarantined = quarantine.Read(QuarantineStore.IdFor(originalSha256));
        var batchId = Ids.BatchId(originalSha256);
        var batch = metadata.FindBatch(batchId);
        var documents = metadata.ListInboxByBatch(batchId);
        var quarantinedDocuments = metadata.ListQuarantinedDocuments(batchId);
        var wholeBatchQuarantined = (quarantined is not null || batch?.Status == BatchStatus.Quarantined)
                                    && (batch?.DocumentCount is null or 0 || quarantinedDocuments.Count == 0);
        var done = wholeBatchQuarantined
                   || (batch?.DocumentCount is { } count && documents.Count + quarantinedDocuments.Count >= count);
        return new BatchOutcome(done, documents, quarantined, batch, quarantinedDocuments);
    }
}

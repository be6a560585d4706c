using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Core.Storage;
using ScanPipeline.Storage;

namespace ScanPipeline.Worker.Stages;

/// <summary>
/// Cuts a batch into documents. For now every file is one document (one-file-one-doc, the rule of
/// scanner lines that deliver a file per letter); separator sheets and blank pages come with the
/// separation rules. The page counts are recorded so that they reconcile per batch.
/// </summary>
public sealed class SplitStage(
    IBlobStore blobs, IDocumentRecognizer recognizer, MetadataStore metadata, QuarantineWriter quarantine,
    IMessagePublisher publisher, ILogger<SplitStage> logger) : IMessageHandler<BatchReceived>
{
    public async Task HandleAsync(BatchReceived batch, CancellationToken ct)
    {
        var original = await blobs.GetAsync(batch.OriginalSha256, ct);
        metadata.RecordBatchReceived(new BatchRecord(batch.BatchId, batch.ScannerLine, batch.OriginalSha256,
            batch.OriginalFileName, batch.MediaType, batch.SizeBytes, batch.ReceivedAt, BatchStatus.Received));

        int pageCount;
        try
        {
            pageCount = recognizer.CountPages(original, batch.MediaType);
            if (pageCount == 0) throw new PermanentProcessingException(ReasonCodes.NoPages, "The file has no pages.");
        }
        catch (PermanentProcessingException error)
        {
            quarantine.Quarantine(original, error, batch.OriginalFileName, batch.ScannerLine, batch.BatchId);
            return;
        }

        var pages = Enumerable.Range(1, pageCount).ToList();
        metadata.RecordBatchSplit(batch.BatchId, pagesIn: pageCount, pagesInDocuments: pages.Count, pagesRemoved: 0, documentCount: 1);
        var document = new DocumentCaptured(Ids.DocumentId(batch.OriginalSha256, 0), batch.BatchId, batch.ScannerLine,
            batch.OriginalSha256, batch.OriginalFileName, batch.MediaType, DocumentIndex: 0, pages, batch.ReceivedAt);
        await publisher.PublishAsync(document, ct);
        logger.LogInformation("Batch {Batch} ({File}): {Pages} pages, 1 document", batch.BatchId, batch.OriginalFileName, pageCount);
    }
}

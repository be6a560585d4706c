using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Separation;
using ScanPipeline.Core.Storage;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Configuration;

namespace ScanPipeline.Worker.Stages;

/// <summary>
/// Cuts a batch into documents by its scanner line's separation rule: analyses every page (blank, barcodes),
/// applies <see cref="BatchSeparator"/>, records the separation record with the batch (documents with their
/// pages, removed pages with their reasons; the counts reconcile) and publishes one <see cref="DocumentCaptured"/>
/// per document. The record is written once: a redelivery publishes the recorded documents again, unchanged.
/// A batch whose pages are all removed is quarantined (<see cref="ReasonCodes.NoDocuments"/>) with its record kept.
/// The rule is the line's in <see cref="ScannerLinesFile"/> when the batch is cut, so an edited rule applies from the next batch.
/// </summary>
public sealed class SplitStage(
    IBlobStore blobs, IPageAnalyzer analyzer, MetadataStore metadata, QuarantineWriter quarantine,
    IMessagePublisher publisher, ScannerLinesFile scannerLines, ILogger<SplitStage> logger) : IMessageHandler<BatchReceived>
{
    public async Task HandleAsync(BatchReceived batch, CancellationToken ct)
    {
        var original = await blobs.GetAsync(batch.OriginalSha256, ct);
        metadata.RecordBatchReceived(new BatchRecord(batch.BatchId, batch.ScannerLine, batch.OriginalSha256,
            batch.OriginalFileName, batch.MediaType, batch.SizeBytes, batch.ReceivedAt, BatchStatus.Received));

        var record = metadata.FindSeparation(batch.BatchId);
        if (record is null)
        {
            var settings = scannerLines.SeparationFor(batch.ScannerLine);
            IReadOnlyList<PageFacts> pages;
            try
            {
                pages = await analyzer.AnalyzeAsync(original, batch.MediaType, settings.NeedsBarcodes, ct);
                if (pages.Count == 0) throw new PermanentProcessingException(ReasonCodes.NoPages, "The file has no pages.");
            }
            catch (PermanentProcessingException error)
            {
                quarantine.Quarantine(original, error, batch.OriginalFileName, batch.ScannerLine, batch.BatchId);
                return;
            }
            record = metadata.RecordSeparation(ToRecord(batch, settings.Rule, BatchSeparator.Separate(pages, settings)));
        }

        if (record.Documents.Count == 0)
        {
            quarantine.Quarantine(original, new PermanentProcessingException(ReasonCodes.NoDocuments,
                    $"All {record.PagesIn} pages were removed ({Describe(record)}); no document is left."),
                batch.OriginalFileName, batch.ScannerLine, batch.BatchId);
            return;
        }
        foreach (var document in record.Documents)
        {
            await publisher.PublishAsync(new DocumentCaptured(document.DocumentId, batch.BatchId, batch.ScannerLine,
                batch.OriginalSha256, batch.OriginalFileName, batch.MediaType, document.DocumentIndex, document.Pages,
                batch.ReceivedAt), ct);
        }
        logger.LogInformation("Batch {Batch} ({File}, line {Line}, rule {Rule}): {Pages} pages, {Documents} document(s), {Removed}",
            batch.BatchId, batch.OriginalFileName, batch.ScannerLine, record.Rule, record.PagesIn, record.Documents.Count, Describe(record));
    }

    private static SeparationRecord ToRecord(BatchReceived batch, string rule, SeparationPlan plan) =>
        new(batch.BatchId, rule, plan.PagesIn,
            plan.Documents.Select((pages, index) => new SeparatedDocument(index, Ids.DocumentId(batch.OriginalSha256, index), pages)).ToList(),
            plan.Removed);

    private static string Describe(SeparationRecord record) =>
        record.Removed.Count == 0
            ? "nothing removed"
            : string.Join(", ", record.Removed.GroupBy(r => r.Reason).Select(g => $"{g.Count()} {g.Key}"));
}

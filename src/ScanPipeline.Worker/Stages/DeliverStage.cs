using System.Text;
using System.Text.Json;
using ScanPipeline.Classification.Extraction;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Storage;
using ScanPipeline.Storage;

namespace ScanPipeline.Worker.Stages;

/// <summary>
/// Files a routed document in the immutable e-file store, with its key fields and the existing e-file
/// (Akte) its Aktenzeichen or Kassenzeichen names, then in its department's inbox (or the verification
/// list). Every write is idempotent, so a redelivery after a crash finishes the job.
/// </summary>
public sealed class DeliverStage(
    IBlobStore blobs, EFileStore efiles, MetadataStore metadata, TimeProvider clock, ILogger<DeliverStage> logger)
    : IMessageHandler<DocumentRouted>
{
    public async Task HandleAsync(DocumentRouted document, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fields = document.Fields ?? DocumentFields.Empty;
        // A redelivery keeps the link the first delivery filed, even if an e-file was registered since.
        var filed = efiles.ReadMetadata(document.DocumentId);
        var text = await blobs.GetAsync(document.TextSha256, ct);
        var caseFile = filed is not null
            ? filed.CaseFileReference
            : metadata.FindCaseFile(fields.FileReferences.Concat(fields.CashReferences.Select(c => c.Value)))?.Reference;
        if (filed is null)
        {
            var original = await blobs.GetAsync(document.OriginalSha256, ct);
            var artifacts = new List<(string, byte[])>
            {
                ("original" + MediaTypes.Extension(document.MediaType), original),
                (EFileStore.TextFileName, text),
            };
            if (document.PdfSha256 is { } pdfSha)
                artifacts.Add((EFileStore.PdfFileName, pdfSha == document.OriginalSha256 ? original : await blobs.GetAsync(pdfSha, ct)));
            if (document.HocrSha256 is { } hocrSha)
                artifacts.Add(("document.hocr", await blobs.GetAsync(hocrSha, ct)));

            var batch = metadata.FindBatch(document.BatchId);
            var pagesIn = batch?.PagesIn ?? document.PageCount;
            var pagesRemoved = batch?.PagesRemoved ?? 0;
            var note = new TransferNote(document.ScannerLine, document.ReceivedAt, document.OriginalSha256, pagesIn,
                document.PageCount, pagesRemoved, document.MeanOcrConfidence, document.PagesFromTextLayer,
                Result: document.Target == Routing.VerificationTarget ? "zur Klärung" : "zugestellt");
            var record = new EFileMetadata(document.DocumentId, document.BatchId, document.ScannerLine,
                document.OriginalFileName, document.MediaType, document.PageCount, document.PageNumbers,
                document.DocumentType, document.Confidence, document.Target, document.RoutingReason, document.ModelVersion,
                document.ReceivedAt, now, Artifacts: [], note, Fields: fields, CaseFileReference: caseFile);
            efiles.Store(record, artifacts);
        }

        metadata.RecordDocumentFields(document.DocumentId, JsonSerializer.Serialize(fields, DocumentFields.JsonOptions), caseFile);
        var added = metadata.AddInboxItem(new InboxItem(document.DocumentId, document.Target, document.DocumentType,
            document.Confidence, document.RoutingReason, document.ModelVersion, document.BatchId, document.ScannerLine,
            document.OriginalFileName, document.PageCount, document.ReceivedAt, now,
            (now - document.ReceivedAt).TotalSeconds, InboxStatus.New, document.TextSha256, document.PdfSha256));
        var textContent = Encoding.UTF8.GetString(text);
        metadata.IndexDocument(document.DocumentId, textContent, Summarise(document, fields, textContent));
        logger.LogInformation("Document {Document} filed for {Target}{CaseFile}{Again}", document.DocumentId, document.Target,
            caseFile is null ? "" : $", linked to e-file {caseFile}", added ? "" : " (already filed, redelivery ignored)");
    }

    /// <summary>What the inbox list shows: sender, subject, the first file and cash references, the model's best types.</summary>
    private static DocumentSummary Summarise(DocumentRouted document, DocumentFields fields, string text)
    {
        var sender = fields.Sender is { } s
            ? string.Join(", ", new[] { s.Name, s.Street, string.Join(' ', new[] { s.Postcode, s.City }.Where(p => p is not null)) }
                .Where(p => !string.IsNullOrWhiteSpace(p)))
            : null;
        var cash = fields.CashReferences.FirstOrDefault(c => c.Kind == CashReferenceKind.PaymentReference)
                   ?? fields.CashReferences.FirstOrDefault();
        var scores = (document.TopScores ?? []).Select(c => new TypeScore(c.Label, c.Score)).ToList();
        return new DocumentSummary(string.IsNullOrEmpty(sender) ? null : sender, SubjectReader.Read(text),
            fields.FileReferences.FirstOrDefault(), cash?.Value, scores);
    }
}

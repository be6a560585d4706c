using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Core.Storage;
using ScanPipeline.Imaging.Input;

namespace ScanPipeline.Worker.Stages;

/// <summary>
/// Recognises a document's pages (text layer where a PDF has one, Tesseract otherwise; scanned pages turned
/// upright and straightened first) and stores the text, the searchable PDF and the hOCR (word boxes and
/// confidences) as blobs; the next stage gets only their hashes.
/// </summary>
public sealed class OcrStage(
    IBlobStore blobs, IDocumentRecognizer recognizer, QuarantineWriter quarantine, IMessagePublisher publisher,
    ILogger<OcrStage> logger) : IMessageHandler<DocumentCaptured>
{
    public async Task HandleAsync(DocumentCaptured document, CancellationToken ct)
    {
        var original = await blobs.GetAsync(document.OriginalSha256, ct);
        var stopwatch = Stopwatch.StartNew();
        RecognizedDocument recognized;
        try
        {
            // Whether a searchable PDF is made is the Imaging section's MakeSearchablePdf setting.
            recognized = await recognizer.RecognizeAsync(original, document.MediaType, document.PageNumbers,
                makeSearchablePdf: true, ct);
        }
        catch (PermanentProcessingException error)
        {
            quarantine.Quarantine(original, error, document.OriginalFileName, document.ScannerLine, document.BatchId, document.DocumentId);
            return;
        }

        var textSha = await blobs.PutAsync(Encoding.UTF8.GetBytes(recognized.FullText), ct);
        string? pdfSha;
        try
        {
            pdfSha = recognized.SearchablePdf is { } pdf
                ? await blobs.PutAsync(pdf, ct)
                : document.MediaType == MediaTypes.Pdf ? await BornDigitalPdfAsync(original, document, ct) : null;
        }
        catch (PermanentProcessingException error)
        {
            quarantine.Quarantine(original, error, document.OriginalFileName, document.ScannerLine, document.BatchId, document.DocumentId);
            return;
        }
        string? hocrSha = recognized.Hocr is { } hocr ? await blobs.PutAsync(Encoding.UTF8.GetBytes(hocr), ct) : null;
        var scanned = recognized.Pages.Where(p => !p.FromTextLayer).ToList();
        var meanConfidence = recognized.Pages.Count == 0 ? 0 : recognized.Pages.Average(p => p.MeanConfidence);

        await publisher.PublishAsync(new DocumentRecognized(document.DocumentId, document.BatchId, document.ScannerLine,
            document.OriginalSha256, document.OriginalFileName, document.MediaType, document.PageNumbers, textSha, pdfSha,
            meanConfidence, PagesFromTextLayer: recognized.Pages.Count - scanned.Count, document.ReceivedAt,
            stopwatch.Elapsed.TotalSeconds, hocrSha), ct);
        logger.LogInformation("Document {Document}: {Pages} pages recognised in {Seconds:F1} s ({TextLayer} from text layer)",
            document.DocumentId, recognized.Pages.Count, stopwatch.Elapsed.TotalSeconds, recognized.Pages.Count - scanned.Count);
    }

    /// <summary>
    /// A born-digital document's PDF is the original when the document is the whole file; when it is only some
    /// pages of a batch, a PDF of exactly those pages is made and stored.
    /// </summary>
    private async Task<string> BornDigitalPdfAsync(byte[] original, DocumentCaptured document, CancellationToken ct) =>
        PdfPageSubset.Build(original, document.PageNumbers) is { } subset
            ? await blobs.PutAsync(subset, ct)
            : document.OriginalSha256;
}

using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Worker;
using ScanPipeline.Worker.Stages;
using UglyToad.PdfPig;

namespace ScanPipeline.Tests.Separation;

/// <summary>
/// A born-digital batch cut into documents: each document's PDF in the e-file store must hold exactly its pages,
/// not the whole batch.
/// </summary>
public sealed class DocumentPdfTests : IDisposable
{
    private static readonly string[] PageTexts = ["Erster Brief Seite eins", "Erster Brief Seite zwei", "Zweiter Brief einzige Seite"];

    private readonly StageFixture _fixture = new();
    private readonly OcrStage _stage;

    public DocumentPdfTests()
    {
        _stage = new OcrStage(_fixture.Blobs, _fixture.Recognizer, _fixture.QuarantineWriter, _fixture.Publisher,
            NullLogger<OcrStage>.Instance);
    }

    private async Task<DocumentRecognized> RecognizeAsync(byte[] original, int documentIndex, int[] pages)
    {
        var batch = await _fixture.StoreBatchAsync(original, "stapel.pdf");
        _fixture.Metadata.RecordBatchReceived(new BatchRecord(batch.BatchId, batch.ScannerLine, batch.OriginalSha256,
            batch.OriginalFileName, batch.MediaType, batch.SizeBytes, batch.ReceivedAt, BatchStatus.Received));
        await _stage.HandleAsync(new DocumentCaptured(Ids.DocumentId(batch.OriginalSha256, documentIndex), batch.BatchId,
            batch.ScannerLine, batch.OriginalSha256, batch.OriginalFileName, batch.MediaType, documentIndex, pages, batch.ReceivedAt), default);
        return _fixture.Publisher.OfType<DocumentRecognized>().Last();
    }

    private async Task<List<string>> PagesOfAsync(string pdfSha)
    {
        using var pdf = PdfDocument.Open(await _fixture.Blobs.GetAsync(pdfSha));
        return pdf.GetPages().Select(p => p.Text).ToList();
    }

    [Theory]
    [InlineData(0, new[] { 1, 2 })]
    [InlineData(1, new[] { 3 })]
    [InlineData(0, new[] { 3, 1 })]
    public async Task A_document_of_some_pages_gets_a_pdf_of_exactly_those_pages(int index, int[] pages)
    {
        var original = StagePdfs.BornDigital(PageTexts);

        var recognized = await RecognizeAsync(original, index, pages);

        Assert.NotNull(recognized.PdfSha256);
        Assert.NotEqual(recognized.OriginalSha256, recognized.PdfSha256);
        Assert.Equal(pages.Select(n => PageTexts[n - 1]), await PagesOfAsync(recognized.PdfSha256!));
        Assert.Equal(pages.Length, recognized.PagesFromTextLayer);
    }

    [Fact]
    public async Task The_same_pages_give_the_same_pdf_so_a_redelivery_adds_no_blob()
    {
        var original = StagePdfs.BornDigital(PageTexts);
        var first = await RecognizeAsync(original, 1, [3]);
        var blobs = _fixture.BlobSnapshot();

        var again = await RecognizeAsync(original, 1, [3]);

        Assert.Equal(first.PdfSha256, again.PdfSha256);
        Assert.Equal(blobs, _fixture.BlobSnapshot());
    }

    [Fact]
    public async Task A_document_of_every_page_in_order_keeps_the_original_as_its_pdf()
    {
        var recognized = await RecognizeAsync(StagePdfs.BornDigital(PageTexts), 0, [1, 2, 3]);

        Assert.Equal(recognized.OriginalSha256, recognized.PdfSha256);
    }

    public void Dispose() => _fixture.Dispose();
}

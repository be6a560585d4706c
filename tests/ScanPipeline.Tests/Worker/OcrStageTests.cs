using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Imaging.Ocr;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Stages;

namespace ScanPipeline.Tests.Worker;

public sealed class OcrStageTests : IDisposable
{
    private static readonly string[] PageTexts =
    [
        "Bauantrag fuer ein Einfamilienhaus",
        "Lageplan im Massstab 1:500 anbei",
        "Mit freundlichen Gruessen, Erika Mustermann",
    ];

    private readonly StageFixture _fixture = new();
    private readonly OcrStage _stage;

    public OcrStageTests()
    {
        _stage = new OcrStage(_fixture.Blobs, _fixture.Recognizer, _fixture.QuarantineWriter, _fixture.Publisher,
            NullLogger<OcrStage>.Instance);
    }

    /// <summary>Stores the original and records its batch as the stages before would; returns split's message.</summary>
    private async Task<DocumentCaptured> CapturedAsync(byte[] original, IReadOnlyList<int> pageNumbers)
    {
        var batch = await _fixture.StoreBatchAsync(original, "antrag.pdf");
        _fixture.Metadata.RecordBatchReceived(new BatchRecord(batch.BatchId, batch.ScannerLine, batch.OriginalSha256,
            batch.OriginalFileName, batch.MediaType, batch.SizeBytes, batch.ReceivedAt, BatchStatus.Received));
        return new DocumentCaptured(Ids.DocumentId(batch.OriginalSha256, 0), batch.BatchId, batch.ScannerLine,
            batch.OriginalSha256, batch.OriginalFileName, batch.MediaType, DocumentIndex: 0, pageNumbers, batch.ReceivedAt);
    }

    private async Task<string> TextOfAsync(string sha256) => Encoding.UTF8.GetString(await _fixture.Blobs.GetAsync(sha256));

    [Fact]
    public async Task A_born_digital_pdf_is_read_from_its_text_layer_and_the_original_stands_in_for_the_searchable_pdf()
    {
        var captured = await CapturedAsync(StagePdfs.BornDigital(PageTexts), [1, 2, 3]);

        await _stage.HandleAsync(captured, default);

        var recognized = Assert.Single(_fixture.Publisher.OfType<DocumentRecognized>());
        Assert.Single(_fixture.Publisher.Published);
        Assert.Equal(captured.DocumentId, recognized.DocumentId);
        Assert.Equal(captured.BatchId, recognized.BatchId);
        Assert.Equal(captured.ScannerLine, recognized.ScannerLine);
        Assert.Equal(captured.OriginalSha256, recognized.OriginalSha256);
        Assert.Equal(captured.OriginalFileName, recognized.OriginalFileName);
        Assert.Equal(captured.MediaType, recognized.MediaType);
        Assert.Equal(captured.ReceivedAt, recognized.ReceivedAt);
        Assert.Equal([1, 2, 3], recognized.PageNumbers);

        Assert.Equal(string.Join('\f', PageTexts), await TextOfAsync(recognized.TextSha256));
        Assert.Equal(captured.OriginalSha256, recognized.PdfSha256);
        Assert.Equal(3, recognized.PagesFromTextLayer);
        Assert.Equal(TesseractRecognizer.TextLayerConfidence, recognized.MeanOcrConfidence);

        // Exactly two blobs: the original and the text. No searchable PDF was made, no work folder left behind.
        Assert.Equal(2, _fixture.BlobSnapshot().Count);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_fixture.WorkDirectory));
        Assert.Empty(_fixture.Quarantine.List());
        Assert.Equal(BatchStatus.Received, _fixture.Metadata.FindBatch(captured.BatchId)!.Status);
    }

    [Theory]
    [InlineData(new[] { 2 })]
    [InlineData(new[] { 1, 3 })]
    [InlineData(new[] { 3, 2 })]
    public async Task Only_the_selected_pages_are_read_in_the_given_order(int[] pageNumbers)
    {
        var captured = await CapturedAsync(StagePdfs.BornDigital(PageTexts), pageNumbers);

        await _stage.HandleAsync(captured, default);

        var recognized = Assert.Single(_fixture.Publisher.OfType<DocumentRecognized>());
        Assert.Equal(pageNumbers, recognized.PageNumbers);
        Assert.Equal(pageNumbers.Length, recognized.PagesFromTextLayer);
        Assert.Equal(string.Join('\f', pageNumbers.Select(n => PageTexts[n - 1])), await TextOfAsync(recognized.TextSha256));
    }

    public static TheoryData<string, string> BadOriginals => new()
    {
        { "garbage", ReasonCodes.CorruptFile },
        { "password", ReasonCodes.Encrypted },
        { "truncated", ReasonCodes.CorruptFile },
    };

    private static byte[] BadOriginal(string kind) => kind switch
    {
        "garbage" => StagePdfs.Garbage(),
        "password" => StagePdfs.PasswordProtected(),
        "truncated" => StagePdfs.FirstHalf(StagePdfs.BornDigital(PageTexts)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(BadOriginals))]
    public async Task A_bad_original_is_quarantined_with_its_reason_and_nothing_is_published(string kind, string reasonCode)
    {
        var original = BadOriginal(kind);
        var captured = await CapturedAsync(original, [1]);

        await _stage.HandleAsync(captured, default);   // handled: no exception, so the delivery is acked

        Assert.Empty(_fixture.Publisher.Published);
        var quarantined = Assert.Single(_fixture.Quarantine.List());
        Assert.Equal(reasonCode, quarantined.ReasonCode);
        Assert.Equal(captured.OriginalSha256, quarantined.OriginalSha256);
        Assert.Equal(captured.BatchId, quarantined.BatchId);
        Assert.Equal(captured.OriginalFileName, quarantined.SourceFile);
        Assert.Equal(captured.ScannerLine, quarantined.ScannerLine);
        Assert.Equal(original, _fixture.QuarantinedOriginal(quarantined));

        var batch = _fixture.Metadata.FindBatch(captured.BatchId)!;
        Assert.Equal(BatchStatus.Quarantined, batch.Status);
        Assert.Equal(reasonCode, batch.ReasonCode);
        Assert.Equal([captured.OriginalSha256], _fixture.BlobSnapshot().Keys.Select(Path.GetFileName)); // no text stored
    }

    [Fact]
    public async Task A_missing_original_is_not_swallowed_so_the_message_is_retried()
    {
        var original = StagePdfs.BornDigital(PageTexts);
        var sha = Ids.Sha256Hex(original);   // never stored
        var captured = new DocumentCaptured(Ids.DocumentId(sha, 0), Ids.BatchId(sha), StageFixture.ScannerLine, sha,
            "antrag.pdf", MediaTypes.Pdf, DocumentIndex: 0, [1, 2, 3], StageFixture.ReceivedAt);

        // Not a PermanentProcessingException: the consumer retries it (bounded), then dead-letters it.
        var error = await Assert.ThrowsAsync<BlobNotFoundException>(() => _stage.HandleAsync(captured, default));

        Assert.Equal(sha, error.Sha256);
        Assert.Empty(_fixture.Publisher.Published);
        Assert.Empty(_fixture.Quarantine.List());
        Assert.Empty(_fixture.BlobSnapshot());
    }

    public void Dispose() => _fixture.Dispose();
}

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Options;
using ScanPipeline.Worker.Stages;

namespace ScanPipeline.Tests.Worker;

public sealed class SplitStageTests : IDisposable
{
    private readonly StageFixture _fixture = new();
    private readonly SplitStage _stage;

    public SplitStageTests()
    {
        _stage = new SplitStage(_fixture.Blobs, _fixture.Analyzer, _fixture.Metadata, _fixture.QuarantineWriter,
            _fixture.Publisher, _fixture.ScannerLines([]), NullLogger<SplitStage>.Instance);
    }

    private static byte[] Original(string kind, int pages) => kind switch
    {
        "text" => StagePdfs.BornDigital(Enumerable.Range(1, pages).Select(n => $"Seite {n} des Bauantrags").ToArray()),
        "scan" => StagePdfs.ImagePages(pages),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [InlineData("text", 1)]
    [InlineData("text", 3)]
    [InlineData("scan", 4)]
    public async Task A_file_becomes_one_document_with_every_page_and_its_page_counts_reconcile(string kind, int pages)
    {
        var batch = await _fixture.StoreBatchAsync(Original(kind, pages), "stapel.pdf");

        await _stage.HandleAsync(batch, default);

        var document = Assert.Single(_fixture.Publisher.OfType<DocumentCaptured>());
        Assert.Single(_fixture.Publisher.Published);
        Assert.Equal(Ids.DocumentId(batch.OriginalSha256, 0), document.DocumentId);
        Assert.Equal(0, document.DocumentIndex);
        Assert.Equal(Enumerable.Range(1, pages), document.PageNumbers);
        Assert.Equal(batch.BatchId, document.BatchId);
        Assert.Equal(batch.OriginalSha256, document.OriginalSha256);
        Assert.Equal(batch.ScannerLine, document.ScannerLine);
        Assert.Equal(batch.OriginalFileName, document.OriginalFileName);
        Assert.Equal(batch.MediaType, document.MediaType);
        Assert.Equal(batch.ReceivedAt, document.ReceivedAt);

        var record = _fixture.Metadata.FindBatch(batch.BatchId)!;
        Assert.Equal(BatchStatus.Split, record.Status);
        Assert.Equal(pages, record.PagesIn);
        Assert.Equal(pages, record.PagesInDocuments);
        Assert.Equal(0, record.PagesRemoved);
        Assert.Equal(1, record.DocumentCount);
        Assert.Equal(record.PagesIn, record.PagesInDocuments + record.PagesRemoved);
        Assert.Equal(batch.OriginalSha256, record.OriginalSha256);
        Assert.Equal(batch.SizeBytes, record.SizeBytes);
        Assert.Empty(_fixture.Quarantine.List());
    }

    [Fact]
    public async Task A_redelivered_batch_publishes_the_same_message_again_and_changes_no_store()
    {
        var batch = await _fixture.StoreBatchAsync(Original("text", 2), "stapel.pdf");
        await _stage.HandleAsync(batch, default);
        var blobs = _fixture.BlobSnapshot();
        var record = _fixture.Metadata.FindBatch(batch.BatchId);

        await _stage.HandleAsync(batch with { }, default);

        var published = _fixture.Publisher.OfType<DocumentCaptured>();
        Assert.Equal(2, published.Count);
        Assert.Equal(MessageSerializer.Serialize(published[0]), MessageSerializer.Serialize(published[1]));
        Assert.Equal(blobs, _fixture.BlobSnapshot());
        Assert.Equal(record, _fixture.Metadata.FindBatch(batch.BatchId));
        Assert.Empty(_fixture.Quarantine.List());
    }

    public static TheoryData<string, string> BadOriginals => new()
    {
        { "garbage", ReasonCodes.CorruptFile },
        { "password", ReasonCodes.Encrypted },
        { "truncated-scan", ReasonCodes.CorruptFile },
        { "no-pages", ReasonCodes.NoPages },
    };

    private static byte[] BadOriginal(string kind) => kind switch
    {
        "garbage" => StagePdfs.Garbage(),
        "password" => StagePdfs.PasswordProtected(),
        "truncated-scan" => StagePdfs.FirstHalf(StagePdfs.ImagePages(3)),
        "no-pages" => StagePdfs.NoPages(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(BadOriginals))]
    public async Task A_bad_original_is_quarantined_with_its_reason_and_nothing_is_published(string kind, string reasonCode)
    {
        var original = BadOriginal(kind);
        var batch = await _fixture.StoreBatchAsync(original, "stapel.pdf");

        await _stage.HandleAsync(batch, default);   // handled: no exception, so the delivery is acked

        Assert.Empty(_fixture.Publisher.Published);
        var quarantined = Assert.Single(_fixture.Quarantine.List());
        Assert.Equal(reasonCode, quarantined.ReasonCode);
        Assert.Equal(batch.OriginalSha256, quarantined.OriginalSha256);
        Assert.Equal(batch.BatchId, quarantined.BatchId);
        Assert.Equal(batch.OriginalFileName, quarantined.SourceFile);
        Assert.Equal(batch.ScannerLine, quarantined.ScannerLine);
        Assert.False(string.IsNullOrWhiteSpace(quarantined.Message));
        Assert.Equal(original, _fixture.QuarantinedOriginal(quarantined));
        using (var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_fixture.Quarantine.PathFor(quarantined.Id), "reason.json"))))
            Assert.Equal(reasonCode, json.RootElement.GetProperty("reasonCode").GetString());

        var record = _fixture.Metadata.FindBatch(batch.BatchId)!;
        Assert.Equal(BatchStatus.Quarantined, record.Status);
        Assert.Equal(reasonCode, record.ReasonCode);
        Assert.Null(record.PagesIn);
        Assert.Null(record.DocumentCount);
    }

    [Fact]
    public async Task A_redelivered_bad_original_stays_one_quarantine_record()
    {
        var batch = await _fixture.StoreBatchAsync(StagePdfs.PasswordProtected(), "geschuetzt.pdf");
        await _stage.HandleAsync(batch, default);
        var first = Assert.Single(_fixture.Quarantine.List());

        await _stage.HandleAsync(batch, default);

        Assert.Equal(first, Assert.Single(_fixture.Quarantine.List()));
        Assert.Equal(BatchStatus.Quarantined, _fixture.Metadata.FindBatch(batch.BatchId)!.Status);
        Assert.Empty(_fixture.Publisher.Published);
    }

    [Fact]
    public async Task A_missing_original_is_not_swallowed_so_the_message_is_retried()
    {
        var original = Original("text", 1);
        var sha = Ids.Sha256Hex(original);   // never stored
        var batch = new BatchReceived(Ids.BatchId(sha), StageFixture.ScannerLine, sha, "stapel.pdf", MediaTypes.Pdf,
            original.Length, StageFixture.ReceivedAt);

        // Not a PermanentProcessingException: the consumer retries it (bounded), then dead-letters it.
        var error = await Assert.ThrowsAsync<BlobNotFoundException>(() => _stage.HandleAsync(batch, default));

        Assert.Equal(sha, error.Sha256);
        Assert.Empty(_fixture.Publisher.Published);
        Assert.Empty(_fixture.Quarantine.List());
        Assert.Null(_fixture.Metadata.FindBatch(batch.BatchId));
    }

    public void Dispose() => _fixture.Dispose();
}

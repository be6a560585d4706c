using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Separation;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Tests.Worker;
using ScanPipeline.Worker.Options;
using ScanPipeline.Worker.Stages;
using ZXing;

namespace ScanPipeline.Tests.Separation;

/// <summary>
/// The split stage on scan-like PDFs made of generated pages, with the real page analyser: the line's rule decides
/// the documents, the separation record is stored once and reconciles, and a redelivery changes nothing.
/// </summary>
public sealed class SplitStageSeparationTests : IDisposable
{
    private readonly StageFixture _fixture = new();
    private readonly IngestOptions _ingest = new();

    private SplitStage Stage() => new(_fixture.Blobs, _fixture.Analyzer, _fixture.Metadata, _fixture.QuarantineWriter,
        _fixture.Publisher, _fixture.ScannerLines(_ingest.ScannerLines), NullLogger<SplitStage>.Instance);

    private void Line(string rule, int pagesPerDocument = 0, params string[] codes) =>
        _ingest.ScannerLines.Add(new ScannerLineOptions
        {
            Name = StageFixture.ScannerLine, HotFolder = "/unused", Separation = rule, PagesPerDocument = pagesPerDocument,
            SeparatorCodes = [.. codes],
        });

    /// <summary>
    /// L = letter page, B = blank back (grain, specks, bleed-through, punch holes), S = separator sheet with a QR
    /// code SCANPIPE-SEP, P = a sheet with Code 128 PATCHT, H = a page with only a few handwritten words.
    /// </summary>
    private static byte[] Scan(string pages) => StagePdfs.ImagePages(pages.Select((kind, i) => (kind switch
    {
        'L' => new TestPage(seed: 100 + i).TextLines(25, 40, 35, 160, 30).Grain(8),
        'B' => new TestPage(seed: 100 + i).BleedThrough().PunchHoles().Grain(10).Specks(300),
        'S' => new TestPage(seed: 100 + i).Barcode(BarcodeFormat.QR_CODE, "SCANPIPE-SEP", 80, 100, 40, 40).Grain(8),
        'P' => new TestPage(seed: 100 + i).Barcode(BarcodeFormat.CODE_128, "PATCHT", 60, 120, 80, 20).Grain(8),
        'H' => new TestPage(seed: 100 + i).Scribble(50, 100, 35, 7, strokes: 5).Grain(8),
        _ => throw new ArgumentOutOfRangeException(nameof(pages), kind, null),
    })));

    private async Task<(BatchReceived Batch, List<DocumentCaptured> Documents)> SplitAsync(string pages)
    {
        var batch = await _fixture.StoreBatchAsync(Scan(pages), "stapel.pdf");
        await Stage().HandleAsync(batch, default);
        return (batch, _fixture.Publisher.OfType<DocumentCaptured>().ToList());
    }

    [Fact]
    public async Task Separator_sheets_cut_a_duplex_batch_and_every_removed_page_is_recorded_with_its_reason()
    {
        // Two letters of two sheets (blank backs), a separator with a blank back, a one-sheet letter, PATCHT, a note.
        var (batch, documents) = await SplitAsync("LBLBSBLBPH");

        Assert.Equal([[1, 3], [7], [10]], documents.Select(d => d.PageNumbers.ToArray()));
        Assert.Equal([0, 1, 2], documents.Select(d => d.DocumentIndex));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => Ids.DocumentId(batch.OriginalSha256, i)), documents.Select(d => d.DocumentId));
        Assert.All(documents, d => Assert.Equal((batch.BatchId, batch.OriginalSha256, batch.ScannerLine), (d.BatchId, d.OriginalSha256, d.ScannerLine)));

        var record = _fixture.Metadata.FindSeparation(batch.BatchId)!;
        Assert.Equal(SeparationRules.SeparatorSheet, record.Rule);
        Assert.Equal(
            [new RemovedPage(2, "blank"), new RemovedPage(4, "blank"), new RemovedPage(5, "separator", "SCANPIPE-SEP"),
             new RemovedPage(6, "blank"), new RemovedPage(8, "blank"), new RemovedPage(9, "separator", "PATCHT")],
            record.Removed);
        Assert.Equal(documents.Select(d => d.PageNumbers.ToArray()), record.Documents.Select(d => d.Pages.ToArray()));

        var counts = _fixture.Metadata.FindBatch(batch.BatchId)!;
        Assert.Equal((BatchStatus.Split, 10, 4, 6, 3), (counts.Status, counts.PagesIn, counts.PagesInDocuments, counts.PagesRemoved, counts.DocumentCount));
        Assert.Equal(counts.PagesIn, counts.PagesInDocuments + counts.PagesRemoved);
        Assert.Empty(_fixture.Quarantine.List());
    }

    [Theory]
    [InlineData(SeparationRules.BlankPage, 0, "LBLLBBL", "1 | 3,4 | 7")]
    [InlineData(SeparationRules.OneFilePerDocument, 0, "LBSL", "1,3,4")]
    [InlineData(SeparationRules.FixedPageCount, 2, "LBLLLS", "1 | 3,4 | 5,6")]
    public async Task The_scanner_lines_rule_decides(string rule, int pagesPerDocument, string pages, string expected)
    {
        Line(rule, pagesPerDocument);

        var (batch, documents) = await SplitAsync(pages);

        Assert.Equal(expected, string.Join(" | ", documents.Select(d => string.Join(",", d.PageNumbers))));
        Assert.Equal(rule, _fixture.Metadata.FindSeparation(batch.BatchId)!.Rule);
    }

    [Fact]
    public async Task A_line_with_its_own_codes_ignores_the_defaults()
    {
        Line(SeparationRules.SeparatorSheet, 0, "PATCHT");

        var (_, documents) = await SplitAsync("LSLPL");

        Assert.Equal(["1,2,3", "5"], documents.Select(d => string.Join(",", d.PageNumbers)));
    }

    [Fact]
    public async Task A_batch_of_only_blank_pages_and_separators_is_quarantined_with_its_record_kept()
    {
        var (batch, documents) = await SplitAsync("BSB");

        Assert.Empty(documents);
        Assert.Empty(_fixture.Publisher.Published);
        var quarantined = Assert.Single(_fixture.Quarantine.List());
        Assert.Equal(ReasonCodes.NoDocuments, quarantined.ReasonCode);
        Assert.Equal(batch.OriginalSha256, quarantined.OriginalSha256);
        var record = _fixture.Metadata.FindSeparation(batch.BatchId)!;
        Assert.Empty(record.Documents);
        Assert.Equal(["blank", "separator", "blank"], record.Removed.Select(r => r.Reason));
        var counts = _fixture.Metadata.FindBatch(batch.BatchId)!;
        Assert.Equal(BatchStatus.Quarantined, counts.Status);
        Assert.Equal((3, 0, 3, 0), (counts.PagesIn, counts.PagesInDocuments, counts.PagesRemoved, counts.DocumentCount));
    }

    [Fact]
    public async Task A_redelivery_publishes_the_recorded_documents_even_after_the_line_changed_its_rule()
    {
        var (batch, first) = await SplitAsync("LSLBL");
        var record = _fixture.Metadata.FindSeparation(batch.BatchId);
        var counts = _fixture.Metadata.FindBatch(batch.BatchId);
        var blobs = _fixture.BlobSnapshot();
        Line(SeparationRules.OneFilePerDocument);   // the operator reconfigured the line in between

        await Stage().HandleAsync(batch with { }, default);

        var all = _fixture.Publisher.OfType<DocumentCaptured>();
        Assert.Equal(2 * first.Count, all.Count);
        Assert.Equal(first.Select(MessageSerializer.Serialize), all.Skip(first.Count).Select(MessageSerializer.Serialize));
        Assert.Equivalent(record, _fixture.Metadata.FindSeparation(batch.BatchId), strict: true);
        Assert.Equal(counts, _fixture.Metadata.FindBatch(batch.BatchId));
        Assert.Equal(blobs, _fixture.BlobSnapshot());
    }

    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "tiff-cut-short", MediaTypes.Tiff },
        { "jpeg-cut-short", MediaTypes.Jpeg },
        { "png-cut-short", MediaTypes.Png },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_of_each_image_format_is_quarantined_by_the_split_stage(string kind, string mediaType)
    {
        var original = kind switch
        {
            "tiff-cut-short" => File.ReadAllBytes(Repository.Path("samples/batches/01-trennblaetter-g4.tif"))[..60_000],
            "jpeg-cut-short" => File.ReadAllBytes(Repository.Path("samples/scans/02-beschwerde-gray.jpg"))[..300_000],
            _ => StagePdfs.FirstHalf(new TestPage(seed: 40).TextLines(25, 40, 30, 160, 30).ToPng()),
        };
        var stored = await _fixture.StoreBatchAsync(original, "stapel");
        var batch = stored with { MediaType = mediaType };

        await Stage().HandleAsync(batch, default);

        Assert.Empty(_fixture.Publisher.Published);
        Assert.Equal(ReasonCodes.CorruptFile, Assert.Single(_fixture.Quarantine.List()).ReasonCode);
        Assert.Null(_fixture.Metadata.FindSeparation(batch.BatchId));
        Assert.Equal(BatchStatus.Quarantined, _fixture.Metadata.FindBatch(batch.BatchId)!.Status);
    }

    public void Dispose() => _fixture.Dispose();
}

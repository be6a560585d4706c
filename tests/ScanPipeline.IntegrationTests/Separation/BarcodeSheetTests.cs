using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Separation;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Analysis;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Separation;

/// <summary>
/// Page analysis on paperless-ngx's real barcode test files (../shared/data/mailroom-edgecases/barcodes): a table of
/// what is read on each page, so that a regression shows. Some files are deliberately hard; the table records what
/// zbar reads on the 150-dpi analysis copy, not what a person sees.
/// </summary>
public sealed class BarcodeSheetTests(ITestOutputHelper output)
{
    private static readonly PageAnalyzer Analyzer = new(Options.Create(new ImagingOptions()), Options.Create(new AnalysisOptions()),
        NullLogger<PageAnalyzer>.Instance);

    /// <summary>
    /// Per page, separated by spaces: "-" nothing read, "B" blank, otherwise the codes read (sorted, joined by "+").
    /// </summary>
    public static TheoryData<string, string> Expected => new()
    {
        { "barcode-128-asn-too-large.pdf", "ASN4294967296" },
        { "barcode-128-custom.pdf", "CUSTOM BARCODE" },
        { "barcode-39-asn-123.pdf", "ASN00123" },
        { "barcode-39-asn-custom-prefix.pdf", "CUSTOM-PREFIX-00123" },
        { "barcode-39-asn-invalid.pdf", "ASNXYZXYZ" },
        { "barcode-39-custom.pdf", "CUSTOM BARCODE" },
        { "barcode-fax-image.pdf", "- PATCHT -" },
        // A small QR code on a low-resolution page: paperless upscales it; on the 150-dpi copy zbar does not find it.
        { "barcode-qr-asn-000123-upscale-dpi.pdf", "-" },
        { "barcode-qr-custom.pdf", "CUSTOM BARCODE" },
        { "many-qr-codes.pdf", "- ADAR-NEXTDOC -" },
        { "patch-code-t-double.pdf", "- PATCHT PATCHT -" },
        { "patch-code-t-middle-alpha.tiff", "- PATCHT -" },
        { "patch-code-t-middle-distorted.pdf", "- PATCHT -" },
        { "patch-code-t-middle-fuzzy.pdf", "- PATCHT -" },
        { "patch-code-t-middle-reverse.pdf", "- PATCHT -" },
        { "patch-code-t-middle-unreadable.pdf", "- - -" },   // deliberately unreadable
        { "patch-code-t-middle.pdf", "- PATCHT -" },
        { "patch-code-t-middle.tiff", "- PATCHT -" },
        { "patch-code-t-qr.pdf", "PATCHT" },
        { "patch-code-t.pdf", "PATCHT" },
        { "several-patcht-codes.pdf", "- - PATCHT - - PATCHT -" },
        { "split-by-asn-1.pdf", "ASN00123 B - - B B - B - B" },
        { "split-by-asn-2.pdf", "ASN00123 B PATCHT - - - B B - B - B" },
        { "split-by-tag-basic.pdf", "- TAG:invoice - TAG:receipt - -" },
        { "split-by-tag-mixed-asn.pdf", "ASN12345 - TAG:personal - ASN13456 - TAG:business -" },
        { "split-by-tag-multiple-per-page.pdf", "- TAG:expense+TAG:invoice - TAG:receipt -" },
    };

    private static async Task<IReadOnlyList<PageFacts>> AnalyzeAsync(string file)
    {
        var bytes = TestData.Read("mailroom-edgecases/barcodes/" + file);
        var mediaType = MediaTypes.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, 1024)))!;
        return await Analyzer.AnalyzeAsync(bytes, mediaType, readBarcodes: true, CancellationToken.None);
    }

    [RequiresAnalysisTheory]
    [MemberData(nameof(Expected))]
    public async Task Each_page_reads_as_recorded(string file, string expected)
    {
        var pages = await AnalyzeAsync(file);

        var actual = string.Join(' ', pages.Select(p =>
            p.Barcodes.Count > 0 ? string.Join('+', p.Barcodes.Order(StringComparer.Ordinal)) : p.IsBlank ? "B" : "-"));
        output.WriteLine($"{file}: {actual} (ink mm²: {string.Join(", ", pages.Select(p => p.InkScore?.ToString("F0") ?? "text"))})");
        Assert.Equal(expected, actual);
    }

    /// <summary>The whole directory is in the table: a new test file upstream shows up here, not silently.</summary>
    [RequiresAnalysisFact]
    public void Every_file_of_the_set_is_in_the_table()
    {
        var files = Directory.EnumerateFiles(TestData.Path("mailroom-edgecases/barcodes")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(files, Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [RequiresAnalysisTheory]
    [InlineData("patch-code-t-middle.pdf", "1 | 3", "2:PATCHT")]
    [InlineData("several-patcht-codes.pdf", "1,2 | 4,5 | 7", "3:PATCHT 6:PATCHT")]
    [InlineData("patch-code-t-double.pdf", "1 | 4", "2:PATCHT 3:PATCHT")]
    [InlineData("split-by-asn-2.pdf", "1 | 4,5,6,9,11", "2:blank 3:PATCHT 7:blank 8:blank 10:blank 12:blank")]
    public async Task PATCHT_sheets_split_paperless_batches_under_the_default_rule(string file, string documents, string removed)
    {
        var plan = BatchSeparator.Separate(await AnalyzeAsync(file), SeparationSettings.Default);

        Assert.Equal(documents, string.Join(" | ", plan.Documents.Select(d => string.Join(',', d))));
        Assert.Equal(removed, string.Join(' ', plan.Removed.Select(r => $"{r.PageNumber}:{r.Detail ?? r.Reason}")));
    }
}

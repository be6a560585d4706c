using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Analysis;
using ZXing;

namespace ScanPipeline.Tests.Separation;

/// <summary>zbar, in-process, on separator codes drawn by ZXing: the symbologies separator sheets use, at scan resolutions.</summary>
public sealed class BarcodeReaderTests
{
    [Theory]
    [InlineData(BarcodeFormat.QR_CODE, "SCANPIPE-SEP", 30, 30)]
    [InlineData(BarcodeFormat.CODE_128, "PATCHT", 60, 15)]
    [InlineData(BarcodeFormat.CODE_39, "SCANPIPE-SEP", 120, 15)]
    [InlineData(BarcodeFormat.QR_CODE, "Trennblatt Bürgeramt", 30, 30)]   // UTF-8 content survives
    public void A_separator_code_on_a_noisy_page_is_read(BarcodeFormat format, string content, double widthMm, double heightMm)
    {
        // Grain of ±20 grey levels per pixel: without the reader's smoothing zbar loses 1D codes from ±8 on.
        var page = new TestPage(seed: 31).TextLines(25, 30, 3, 150, 30).Barcode(format, content, 60, 120, widthMm, heightMm)
            .Grain(20).Specks(300);

        Assert.Equal([content], BarcodeReader.Read(page.ToImage()));
    }

    [Fact]
    public void Several_codes_on_one_page_are_all_read_once()
    {
        var page = new TestPage(seed: 32)
            .Barcode(BarcodeFormat.QR_CODE, "SCANPIPE-SEP", 30, 40, 30, 30)
            .Barcode(BarcodeFormat.CODE_128, "PATCHT", 30, 150, 60, 15)
            .Barcode(BarcodeFormat.CODE_128, "PATCHT", 110, 220, 60, 15);

        Assert.Equal(["PATCHT", "SCANPIPE-SEP"], BarcodeReader.Read(page.ToImage()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("letter")]
    [InlineData("blank")]
    [InlineData("noise")]
    public void A_page_without_a_code_gives_none(string kind)
    {
        var page = kind switch
        {
            "letter" => new TestPage(seed: 33).TextLines(25, 30, 45, 160, 25).Scribble(110, 260, 40, 10, 7),
            "blank" => new TestPage(seed: 34),
            _ => new TestPage(seed: 35).Grain(30).Specks(3000, maxDiameterMm: 1.5),
        };

        Assert.Empty(BarcodeReader.Read(page.ToImage()));
    }

    [Fact]
    public async Task The_analyser_finds_a_code_on_a_300_dpi_scan_through_its_150_dpi_copy()
    {
        var analyzer = new PageAnalyzer(Options.Create(new ImagingOptions()), Options.Create(new AnalysisOptions()), NullLogger<PageAnalyzer>.Instance);
        var sheet = new TestPage(dpi: 300, seed: 36).Barcode(BarcodeFormat.CODE_128, "SCANPIPE-SEP", 50, 130, 80, 18).Grain(10).ToPng();

        var page = Assert.Single(await analyzer.AnalyzeAsync(sheet, MediaTypes.Png, readBarcodes: true, default));

        Assert.Equal(["SCANPIPE-SEP"], page.Barcodes);
        Assert.False(page.IsBlank);
        Assert.Empty(Assert.Single(await analyzer.AnalyzeAsync(sheet, MediaTypes.Png, readBarcodes: false, default)).Barcodes);
    }
}

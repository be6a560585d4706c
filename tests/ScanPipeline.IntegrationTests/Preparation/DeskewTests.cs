using ScanPipeline.Imaging.Native;
using ScanPipeline.Imaging.Preparation;
using ScanPipeline.IntegrationTests.Imaging;
using ScanPipeline.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;
using Xunit;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>Skewed pages are straightened before they are read, and the straight page is the one stored in the searchable PDF.</summary>
[Collection(ImagingCollection.Name)]
public sealed class DeskewTests(RecognizerFixture fixture)
{
    /// <summary>OCRmyPDF's skewed scan (scan-edgecases/skew.pdf).</summary>
    [RequiresTesseractFact]
    public async Task A_real_skewed_scan_is_straightened()
    {
        var document = await fixture.Recognizer.RecognizeFileAsync("scan-edgecases/skew.pdf", makeSearchablePdf: true);

        var page = Assert.Single(document.Pages);
        Assert.InRange(Math.Abs(page.Preparation!.DeskewedDegrees), 1.0, 3.0);
        Assert.Contains("The LinnSequencer", page.Text, StringComparison.Ordinal);
        AssertLevel(document.Hocr!);
        Assert.InRange(ResidualSkewOfStoredPage(document.SearchablePdf!), -0.3, 0.3);
    }

    /// <summary>A clean letter skewed by a known angle (on top of its own slight skew) comes back level.</summary>
    [RequiresTesseractTheory]
    [InlineData(4.5)]
    [InlineData(-4.5)]
    [InlineData(2.5)]
    [InlineData(-1.5)]
    public async Task A_page_skewed_by_a_known_angle_is_turned_back_by_that_angle(double skew)
    {
        var page = File.ReadAllBytes(Repository.Path("samples/scans/04-bewerbung-gray.png"));
        var ownSkew = Assert.Single((await fixture.Recognizer.RecognizeBytesAsync(page)).Pages).Preparation!.DeskewedDegrees;
        Assert.InRange(Math.Abs(ownSkew), 0.2, 0.5); // the sample letters are scanned 0.3-1.5° off

        var document = await fixture.Recognizer.RecognizeBytesAsync(PageDistortion.Skew(page, skew), makeSearchablePdf: true);

        var prepared = Assert.Single(document.Pages).Preparation!;
        Assert.Equal(0, prepared.RotatedDegrees);
        Assert.InRange(prepared.DeskewedDegrees, ownSkew - skew - 0.2, ownSkew - skew + 0.2);
        AssertLevel(document.Hocr!);
        Assert.InRange(ResidualSkewOfStoredPage(document.SearchablePdf!), -0.3, 0.3);
    }

    /// <summary>
    /// A skewed JPEG scan is read straightened, but the searchable PDF keeps the scan's own bytes and turns the image
    /// on the page: the rendered page is level, and the invisible words lie on the words of the image.
    /// </summary>
    [RequiresTesseractFact]
    public async Task A_straightened_jpeg_scan_keeps_its_bytes_and_is_turned_on_the_page()
    {
        var png = File.ReadAllBytes(Repository.Path("samples/scans/04-bewerbung-gray.png"));
        var jpeg = PageDistortion.Jpeg(PageDistortion.Skew(png, 3), quality: 80);

        var document = await fixture.Recognizer.RecognizeBytesAsync(jpeg, makeSearchablePdf: true);

        Assert.InRange(Math.Abs(Assert.Single(document.Pages).Preparation!.DeskewedDegrees), 2.5, 3.8);
        using (var pdf = PdfDocument.Open(document.SearchablePdf!))
            Assert.Equal(jpeg, Assert.Single(pdf.GetPage(1).GetImages()).RawMemory.ToArray());
        Assert.InRange(ResidualSkewOfStoredPage(document.SearchablePdf!), -0.3, 0.3);

        // Read the rendered page again: its words are where the text layer (the hOCR of the first reading) says.
        var rendered = RenderFirstPage(document.SearchablePdf!, dpi: 300);
        var reread = await fixture.Recognizer.RecognizeBytesAsync(rendered);
        var firstWords = Hocr.Parse(document.Hocr!).Pages.Single().Words.Where(w => w.Text.Length >= 8).ToList();
        var rereadWords = Hocr.Parse(reread.Hocr!).Pages.Single().Words.ToLookup(w => w.Text);
        var matched = firstWords.Select(w => (First: w.Box, Again: rereadWords[w.Text].Select(r => r.Box).FirstOrDefault()))
            .Where(p => p.Again is not null).ToList();
        Assert.True(matched.Count >= 10, $"only {matched.Count} long words found again");
        var offsets = matched.Select(p => Math.Max(Math.Abs(p.First.Left - p.Again!.Left), Math.Abs(p.First.Top - p.Again.Top))).Order().ToList();
        Assert.InRange(offsets[offsets.Count / 2], 0, 6); // pixels at 300 dpi: half a millimetre
    }

    /// <summary>Beyond the configured range a page is left as it is (and still read).</summary>
    [RequiresTesseractFact]
    public async Task Skew_beyond_the_configured_range_is_left_alone()
    {
        using var narrow = RecognizerFixture.Create(new ScanPipeline.Imaging.ImagingOptions { EngineThreads = 1, MaxDeskewDegrees = 2 });
        var page = PageDistortion.Skew(File.ReadAllBytes(Repository.Path("samples/scans/04-bewerbung-gray.png")), 3.5);

        var document = await narrow.RecognizeBytesAsync(page, makeSearchablePdf: true);

        Assert.Equal(0, Assert.Single(document.Pages).Preparation!.DeskewedDegrees);
        Assert.Contains("Bewerbung", document.FullText, StringComparison.Ordinal);
        // The stored page keeps its skew (this also shows that the residual measurement above can see one).
        Assert.InRange(Math.Abs(ResidualSkewOfStoredPage(document.SearchablePdf!)), 3.0, 4.0);
    }

    /// <summary>A bitonal (G4) scan stays bitonal when it is straightened: no grey pixels, no JPEG in the PDF.</summary>
    [RequiresTesseractFact]
    public async Task A_bitonal_page_stays_bitonal_when_straightened()
    {
        var g4Page = File.ReadAllBytes(Repository.Path("samples/scans/03-bewerbung-g4.tif"));
        var ownSkew = (await fixture.Recognizer.RecognizeBytesAsync(g4Page)).Pages[0].Preparation!.DeskewedDegrees;

        var document = await fixture.Recognizer.RecognizeBytesAsync(PageDistortion.Skew(g4Page, -3), makeSearchablePdf: true);

        Assert.InRange(Assert.Single(document.Pages).Preparation!.DeskewedDegrees, ownSkew + 3 - 0.2, ownSkew + 3 + 0.2);
        using var pdf = PdfDocument.Open(document.SearchablePdf!);
        var image = Assert.Single(pdf.GetPage(1).GetImages());
        Assert.Equal(1, image.BitsPerComponent);
        AssertLevel(document.Hocr!);
    }

    [RequiresTesseractFact]
    public async Task A_straight_page_is_left_as_it_is()
    {
        var document = await fixture.Recognizer.RecognizeFileAsync("tesseract-testimages/phototest.tif");

        Assert.Equal(0, Assert.Single(document.Pages).Preparation!.DeskewedDegrees);
    }

    /// <summary>Tesseract's baselines on the page it read: level lines (median slope under 0.3°).</summary>
    private static void AssertLevel(string hocr)
    {
        var slopes = Hocr.Parse(hocr).Pages.Single().Lines.Where(l => l.Box.Right - l.Box.Left > 300).Select(l => l.BaselineSlope).Order().ToList();
        Assert.NotEmpty(slopes);
        var median = slopes[slopes.Count / 2];
        Assert.InRange(Math.Atan(median) * 180 / Math.PI, -0.3, 0.3);
    }

    /// <summary>
    /// Skew of the searchable PDF's first page as a reader sees it, measured by leptonica on the page rendered by
    /// pdftoppm (0 when under 0.05°). The rendering counts, not the embedded image: a straightened JPEG scan keeps its
    /// original bytes and is turned by the page itself.
    /// </summary>
    private static unsafe double ResidualSkewOfStoredPage(byte[] searchablePdf)
    {
        var file = RenderFirstPage(searchablePdf, dpi: 150);
        fixed (byte* data = file)
        {
            using var pix = Leptonica.pixReadMem(data, (nuint)file.Length);
            Assert.False(pix.IsInvalid);
            return Deskewer.FindSkew(pix, minDegrees: 0.05, maxDegrees: 5);
        }
    }

    /// <summary>The first page rendered by pdftoppm as a grey PNG; poppler must not report a damaged file.</summary>
    private static byte[] RenderFirstPage(byte[] pdf, int dpi)
    {
        var folder = Directory.CreateTempSubdirectory("scanpipe-render-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new System.Diagnostics.ProcessStartInfo("pdftoppm")
            {
                ArgumentList = { "-png", "-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1",
                    "-singlefile", input, Path.Combine(folder.FullName, "page") },
                RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", errors.Trim());
            return File.ReadAllBytes(Path.Combine(folder.FullName, "page.png"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

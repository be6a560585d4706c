using ScanPipeline.Imaging;
using ScanPipeline.IntegrationTests.Imaging;
using ScanPipeline.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Xunit;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>Pages fed sideways or upside down are turned upright before they are read and stored.</summary>
[Collection(ImagingCollection.Name)]
public sealed class OrientationTests(RecognizerFixture fixture)
{
    private const string PhototestLine = "This is a lot of 12 point text to test the";

    /// <summary>Tesseract's own rotated test pages (the same text as phototest.tif), and the upright original.</summary>
    [RequiresTesseractTheory]
    [InlineData("tesseract-testimages/phototest.tif", 0)]
    [InlineData("tesseract-testimages/phototest-rotated-180.png", 180)]
    [InlineData("tesseract-testimages/phototest-rotated-L.png", 90)]
    [InlineData("tesseract-testimages/phototest-rotated-R.png", 270)]
    [InlineData("tesseract-testimages/phototestrot.tif", 90)]
    public async Task Rotated_phototest_pages_are_turned_upright_read_and_stored_upright(string file, int turnedClockwise)
    {
        var document = await fixture.Recognizer.RecognizeFileAsync(file, makeSearchablePdf: true);

        var page = Assert.Single(document.Pages);
        Assert.Equal(turnedClockwise, page.Preparation!.RotatedDegrees);
        Assert.Contains(PhototestLine, page.Text, StringComparison.Ordinal);
        Assert.Contains("The quick brown dog jumped over the", page.Text, StringComparison.Ordinal);

        // The stored page is the upright one: landscape like the original phototest (640 x 480), text layer in reading order.
        using var pdf = PdfDocument.Open(document.SearchablePdf!);
        var pdfPage = Assert.Single(pdf.GetPages());
        Assert.True(pdfPage.Width > pdfPage.Height, $"page is {pdfPage.Width} x {pdfPage.Height} pt, not landscape");
        var image = Assert.Single(pdfPage.GetImages());
        Assert.Equal((640, 480), (image.WidthInSamples, image.HeightInSamples));
        Assert.StartsWith(PhototestLine, ContentOrderTextExtractor.GetText(pdfPage).Trim(), StringComparison.Ordinal);
    }

    /// <summary>A letter of samples/scans fed turned by 90, 180 and 270 degrees reads as well as fed upright.</summary>
    [RequiresTesseractTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_letter_fed_sideways_or_upside_down_is_turned_back_and_reads_as_well_as_upright(int quarterTurns)
    {
        const string letter = "04-bewerbung-gray.png";
        var turned = PageDistortion.Turn(File.ReadAllBytes(Repository.Path("samples/scans/" + letter)), quarterTurns);
        var groundTruth = File.ReadAllText(Repository.Path($"samples/scans/groundtruth/{letter}.txt"));

        var document = await fixture.Recognizer.RecognizeBytesAsync(turned, makeSearchablePdf: true);

        var page = Assert.Single(document.Pages);
        Assert.Equal((4 - quarterTurns) % 4 * 90, page.Preparation!.RotatedDegrees);
        Assert.True(WordScore.Of(page.Text, groundTruth).F1 >= 0.97, $"F1 {WordScore.Of(page.Text, groundTruth).F1:F3}");
        using var pdf = PdfDocument.Open(document.SearchablePdf!);
        var pdfPage = Assert.Single(pdf.GetPages());
        Assert.True(pdfPage.Height > pdfPage.Width, "the stored A4 letter is portrait again");
        // Word boxes refer to the upright page: an A4 portrait page, lines running across it.
        var hocrPage = Hocr.Parse(document.Hocr!).Pages.Single();
        Assert.Equal(new Hocr.Box(0, 0, 2480, 3508), hocrPage.Box);
        Assert.True(hocrPage.Words.Count(w => w.Box.Right - w.Box.Left > w.Box.Bottom - w.Box.Top) > hocrPage.Words.Count * 0.8);
    }

    /// <summary>
    /// The guard against wrong flips: even with the orientation check forced onto every page and every OSD verdict
    /// taken seriously, upright pages (clean letters, noisy receipts, Tesseract's test pages) stay as they are.
    /// </summary>
    [RequiresTesseractFact]
    public async Task Upright_pages_are_never_turned_even_when_every_page_is_checked()
    {
        using var suspicious = RecognizerFixture.Create(new ImagingOptions
        {
            EngineThreads = 2,
            OrientationCheckBelowConfidence = 100,
            MinOrientationConfidence = 0,
        });
        string[] files =
        [
            "tesseract-testimages/phototest.tif", "tesseract-testimages/eurotext.tif", "tesseract-testimages/8087_054.3B.tif",
            "sroie/001.jpg", "sroie/010.jpg", "sroie/023.jpg", "receipts-de/" + FirstReceipt(),
        ];

        var documents = await Task.WhenAll(files.Select(f => suspicious.RecognizeFileAsync(f)));

        Assert.All(documents.Zip(files), d => Assert.True(d.First.Pages.Single().Preparation!.RotatedDegrees == 0, $"{d.Second} was turned"));
    }

    private static string FirstReceipt() =>
        Path.GetFileName(Directory.EnumerateFiles(TestData.Path("receipts-de"), "*.jpg").Order(StringComparer.Ordinal).First());
}

using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Ocr;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;

namespace ScanPipeline.IntegrationTests.Imaging;

/// <summary>OCR of TIFF, PNG and JPEG scans with the real Tesseract and real test images.</summary>
[Collection(ImagingCollection.Name)]
public sealed class ImageOcrTests(RecognizerFixture fixture)
{
    private readonly TesseractRecognizer recognizer = fixture.Recognizer;

    [RequiresTesseractFact]
    public async Task Phototest_tif_yields_its_known_words()
    {
        var document = await recognizer.RecognizeFileAsync("tesseract-testimages/phototest.tif");

        var page = Assert.Single(document.Pages);
        Assert.Equal(1, page.PageNumber);
        Assert.False(page.FromTextLayer);
        foreach (var word in new[] { "quick", "brown", "dog", "jumped", "lazy", "fox", "12 point" })
            Assert.Contains(word, page.Text, StringComparison.Ordinal);
        Assert.InRange(page.MeanConfidence, 60, 100);
        Assert.Null(document.SearchablePdf);
    }

    [RequiresTesseractFact]
    public async Task Eurotext_yields_german_words_with_umlauts()
    {
        var document = await recognizer.RecognizeFileAsync("tesseract-testimages/eurotext.tif");

        var text = Assert.Single(document.Pages).Text;
        foreach (var word in new[] { "schnelle", "braune", "Fuchs", "springt", "über", "faulen", "Hund" })
            Assert.Contains(word, text, StringComparison.Ordinal);
    }

    [RequiresTesseractFact]
    public async Task Multipage_tiff_gives_one_text_per_page_in_order()
    {
        const string file = "mailroom-edgecases/barcodes/patch-code-t-middle.tiff";
        Assert.Equal(3, recognizer.CountPages(TestData.Read(file), MediaTypes.Tiff));

        var document = await recognizer.RecognizeFileAsync(file);

        Assert.Equal([1, 2, 3], document.Pages.Select(p => p.PageNumber));
        Assert.All(document.Pages, p => Assert.False(p.FromTextLayer));
        Assert.Contains("This is a test document", document.Pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("This is a test document", document.Pages[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("This is a test document", document.Pages[1].Text, StringComparison.Ordinal); // the separator sheet
        Assert.Equal(3, document.FullText.Split('\f').Length);
    }

    [RequiresTesseractFact]
    public async Task Selected_pages_of_a_multipage_tiff_are_the_only_ones_read()
    {
        var document = await recognizer.RecognizeFileAsync("mailroom-edgecases/barcodes/patch-code-t-middle.tiff", pages: [3]);

        var page = Assert.Single(document.Pages);
        Assert.Equal(3, page.PageNumber);
        Assert.Contains("This is a test document", page.Text, StringComparison.Ordinal);
    }

    [RequiresTesseractTheory]
    [InlineData("mailroom-edgecases/simple.jpg")]
    [InlineData("mailroom-edgecases/simple.png")]
    [InlineData("mailroom-edgecases/simple.tiff")] // JPEG-compressed TIFF
    [InlineData("mailroom-edgecases/barcodes/patch-code-t-middle-alpha.tiff")] // alpha channel
    public async Task Png_jpeg_and_jpeg_tiff_are_read(string file)
    {
        var document = await recognizer.RecognizeFileAsync(file);

        Assert.Contains("This is a test document", document.Pages[0].Text, StringComparison.Ordinal);
    }

    [RequiresTesseractFact]
    public async Task The_first_engine_runs_with_an_OpenMP_thread_limit_of_one()
    {
        await recognizer.RecognizeFileAsync("tesseract-testimages/phototest.tif");

        Assert.Equal(1, OcrRuntime.OmpThreadLimit);
    }

    [RequiresTesseractFact]
    public async Task Documents_recognised_in_parallel_each_get_their_own_text()
    {
        var tasks = new[]
        {
            recognizer.RecognizeFileAsync("tesseract-testimages/phototest.tif"),
            recognizer.RecognizeFileAsync("tesseract-testimages/eurotext.tif"),
            recognizer.RecognizeFileAsync("mailroom-edgecases/simple.png"),
            recognizer.RecognizeFileAsync("tesseract-testimages/phototest.tif"),
        };
        var documents = await Task.WhenAll(tasks);

        Assert.Contains("lazy fox", documents[0].FullText, StringComparison.Ordinal);
        Assert.Contains("Fuchs", documents[1].FullText, StringComparison.Ordinal);
        Assert.Contains("test document", documents[2].FullText, StringComparison.Ordinal);
        Assert.Equal(documents[0].FullText, documents[3].FullText);
    }
}

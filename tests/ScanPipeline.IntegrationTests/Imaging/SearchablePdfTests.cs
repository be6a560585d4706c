using ScanPipeline.Imaging;
using ScanPipeline.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Xunit;

namespace ScanPipeline.IntegrationTests.Imaging;

/// <summary>Tesseract's PDF renderer output, read back with PdfPig.</summary>
[Collection(ImagingCollection.Name)]
public sealed class SearchablePdfTests(RecognizerFixture fixture)
{
    [RequiresTesseractFact]
    public async Task Searchable_pdf_of_a_scan_carries_the_recognised_words_as_its_text_layer()
    {
        var document = await fixture.Recognizer.RecognizeFileAsync("tesseract-testimages/phototest.tif", makeSearchablePdf: true);

        Assert.NotNull(document.SearchablePdf);
        using var pdf = PdfDocument.Open(document.SearchablePdf);
        var page = Assert.Single(pdf.GetPages());
        var text = ContentOrderTextExtractor.GetText(page);
        foreach (var word in new[] { "quick", "brown", "dog", "jumped", "lazy", "fox" })
            Assert.Contains(word, text, StringComparison.Ordinal);
        Assert.Single(page.GetImages()); // the scan itself, under the invisible text
    }

    [RequiresTesseractFact]
    public async Task Searchable_pdf_of_a_multipage_tiff_has_every_page_in_order()
    {
        var document = await fixture.Recognizer.RecognizeFileAsync("mailroom-edgecases/barcodes/patch-code-t-middle.tiff", makeSearchablePdf: true);

        using var pdf = PdfDocument.Open(document.SearchablePdf!);
        Assert.Equal(3, pdf.NumberOfPages);
        Assert.Contains("test document", ContentOrderTextExtractor.GetText(pdf.GetPage(1)), StringComparison.Ordinal);
        Assert.Contains("test document", ContentOrderTextExtractor.GetText(pdf.GetPage(3)), StringComparison.Ordinal);
    }

    [RequiresTesseractFact]
    public async Task Searchable_pdf_embeds_a_jpeg_scan_unchanged()
    {
        var jpeg = TestData.Read("mailroom-edgecases/simple.jpg");

        var document = await fixture.Recognizer.RecognizeBytesAsync(jpeg, makeSearchablePdf: true);

        using var pdf = PdfDocument.Open(document.SearchablePdf!);
        var image = Assert.Single(pdf.GetPage(1).GetImages());
        Assert.Equal(jpeg, image.RawMemory.ToArray());
        Assert.Contains("test document", pdf.GetPage(1).Text, StringComparison.Ordinal);
    }

    [RequiresTesseractFact]
    public async Task No_searchable_pdf_when_the_caller_or_the_configuration_says_no()
    {
        using var configuredOff = RecognizerFixture.Create(new ImagingOptions { MakeSearchablePdf = false, EngineThreads = 1 });

        var notAsked = await fixture.Recognizer.RecognizeFileAsync("mailroom-edgecases/simple.png", makeSearchablePdf: false);
        var switchedOff = await configuredOff.RecognizeFileAsync("mailroom-edgecases/simple.png", makeSearchablePdf: true);

        Assert.Null(notAsked.SearchablePdf);
        Assert.Null(switchedOff.SearchablePdf);
        Assert.Contains("test document", switchedOff.FullText, StringComparison.Ordinal);
    }

    [RequiresTesseractFact]
    public async Task Work_folders_are_removed_after_each_document()
    {
        var workRoot = Directory.CreateTempSubdirectory("scanpipe-imaging-test-");
        try
        {
            using var recognizer = RecognizerFixture.Create(new ImagingOptions { WorkDirectory = workRoot.FullName, EngineThreads = 1 });

            await recognizer.RecognizeFileAsync("scan-edgecases/linn.pdf", makeSearchablePdf: true); // pdftoppm + renderer
            await Assert.ThrowsAnyAsync<Exception>(() => recognizer.RecognizeBytesAsync(TestPdfs.Truncated("scan-edgecases/palette.pdf", 60), true));

            Assert.Empty(workRoot.EnumerateFileSystemInfos());
        }
        finally
        {
            workRoot.Delete(recursive: true);
        }
    }
}

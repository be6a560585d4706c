using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Ocr;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;

namespace ScanPipeline.IntegrationTests.Imaging;

/// <summary>The PDF paths: text layer, embedded page image, rasterising with pdftoppm.</summary>
[Collection(ImagingCollection.Name)]
public sealed class PdfInputTests(RecognizerFixture fixture)
{
    private const int SimpleJpegWidth = 517, SimpleJpegHeight = 147;

    [Fact]
    public async Task Born_digital_invoice_uses_its_text_layer_without_any_OCR()
    {
        // No tessdata and no pdftoppm: the document can only succeed if neither Tesseract nor a renderer is used.
        using var recognizer = RecognizerFixture.Create(new ImagingOptions
        {
            TessdataPath = "/nonexistent/tessdata", PdfToPpmPath = "/nonexistent/pdftoppm", EngineThreads = 1,
        });

        var document = await recognizer.RecognizeFileAsync("invoices-de/RE-E-974-Hetzner_2016-01-19_R0005532486.pdf", makeSearchablePdf: true);

        var page = Assert.Single(document.Pages);
        Assert.True(page.FromTextLayer);
        Assert.Equal(TesseractRecognizer.TextLayerConfidence, page.MeanConfidence);
        Assert.Contains("Hetzner Online GmbH", page.Text, StringComparison.Ordinal);
        Assert.Contains("91710 Gunzenhausen", page.Text, StringComparison.Ordinal);
        Assert.Contains("R0005532486", page.Text, StringComparison.Ordinal);
        Assert.Null(document.SearchablePdf);
    }

    [Fact]
    public async Task Paperless_invalid_pdf_is_in_fact_readable_and_uses_its_text_layer()
    {
        // Named "invalid" by paperless-ngx, but PdfPig and poppler both read it; filing it is correct.
        using var recognizer = RecognizerFixture.Create(new ImagingOptions { TessdataPath = "/nonexistent/tessdata", EngineThreads = 1 });

        var document = await recognizer.RecognizeFileAsync("mailroom-edgecases/invalid_pdf.pdf");

        Assert.Equal(2, document.Pages.Count);
        Assert.All(document.Pages, p => Assert.True(p.FromTextLayer));
        Assert.Contains("Invoice number: 123456", document.Pages[0].Text, StringComparison.Ordinal);
    }

    [RequiresTesseractFact]
    public async Task Image_only_pdf_is_OCRed_from_its_embedded_jpeg()
    {
        var pdf = TestPdfs.FromJpeg(TestData.Read("mailroom-edgecases/simple.jpg"), SimpleJpegWidth, SimpleJpegHeight, pages: 2);
        // pdftoppm made unreachable: success proves the embedded JPEG was used.
        using var recognizer = RecognizerFixture.Create(new ImagingOptions { PdfToPpmPath = "/nonexistent/pdftoppm", EngineThreads = 1 });

        var document = await recognizer.RecognizeBytesAsync(pdf);

        Assert.Equal([1, 2], document.Pages.Select(p => p.PageNumber));
        Assert.All(document.Pages, p =>
        {
            Assert.False(p.FromTextLayer);
            Assert.Contains("This is a test document", p.Text, StringComparison.Ordinal);
        });
    }

    [RequiresTesseractFact]
    public async Task Image_only_pdf_with_a_flate_image_is_OCRed_from_its_raw_samples()
    {
        var pdf = TestPdfs.FromPng(TestData.Read("mailroom-edgecases/simple-noalpha.png"), SimpleJpegWidth, SimpleJpegHeight);
        using var recognizer = RecognizerFixture.Create(new ImagingOptions { PdfToPpmPath = "/nonexistent/pdftoppm", EngineThreads = 1 });

        var document = await recognizer.RecognizeBytesAsync(pdf);

        Assert.Contains("This is a test document", Assert.Single(document.Pages).Text, StringComparison.Ordinal);
    }

    [RequiresTesseractFact]
    public async Task Jbig2_scan_is_rasterised_with_pdftoppm()
    {
        const string file = "scan-edgecases/linn.pdf"; // JBIG2 image: PdfPig cannot decode it, poppler can
        var document = await fixture.Recognizer.RecognizeFileAsync(file);

        var page = Assert.Single(document.Pages);
        Assert.False(page.FromTextLayer);
        Assert.Contains("LinnSequencer", page.Text, StringComparison.Ordinal);
        Assert.Contains("Track MIDI Sequence Recorder", page.Text, StringComparison.Ordinal);

        // And without pdftoppm that page cannot be read at all: the rasteriser really was the path taken.
        using var withoutPoppler = RecognizerFixture.Create(new ImagingOptions { PdfToPpmPath = "/nonexistent/pdftoppm", EngineThreads = 1 });
        await Assert.ThrowsAsync<InvalidOperationException>(() => withoutPoppler.RecognizeFileAsync(file));
    }

    [RequiresTesseractFact]
    public async Task Partly_scanned_pdf_keeps_text_layer_pages_and_OCRs_the_scanned_ones()
    {
        var pdf = TestPdfs.Mixed("Antrag auf Wohngeld vom 03.03.2026", TestData.Read("mailroom-edgecases/simple.jpg"),
            SimpleJpegWidth, SimpleJpegHeight);

        var document = await fixture.Recognizer.RecognizeBytesAsync(pdf, makeSearchablePdf: true);

        Assert.True(document.Pages[0].FromTextLayer);
        Assert.Contains("Antrag auf Wohngeld vom 03.03.2026", document.Pages[0].Text, StringComparison.Ordinal);
        Assert.False(document.Pages[1].FromTextLayer);
        Assert.Contains("This is a test document", document.Pages[1].Text, StringComparison.Ordinal);
        // The searchable PDF has both pages, the text-layer one included.
        using var searchable = UglyToad.PdfPig.PdfDocument.Open(document.SearchablePdf!);
        Assert.Equal(2, searchable.NumberOfPages);
        Assert.Contains("Wohngeld", searchable.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_count_of_a_pdf_comes_without_rendering()
    {
        using var recognizer = RecognizerFixture.Create(new ImagingOptions { TessdataPath = "/nonexistent/tessdata", EngineThreads = 1 });

        Assert.Equal(3, recognizer.CountPages(TestData.Read("mailroom-edgecases/documents/originals/0000002.pdf"), MediaTypes.Pdf));
        Assert.Equal(3, recognizer.CountPages(TestData.Read("mailroom-edgecases/barcodes/barcode-fax-image.pdf"), MediaTypes.Pdf));
    }
}

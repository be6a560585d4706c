using ScanPipeline.IntegrationTests.Cli;
using ScanPipeline.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Xunit;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary><c>scanpipe ocr --out DIR --hocr --pdf</c>, run as the real binary.</summary>
public sealed class OcrCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("scanpipe-ocr-cli-").FullName;

    [RequiresTesseractFact]
    public async Task Ocr_with_hocr_and_pdf_writes_text_hocr_and_searchable_pdf_for_each_input()
    {
        var upsideDown = TestData.Path("tesseract-testimages/phototest-rotated-180.png");

        var result = await ScanpipeProcess.RunAsync("ocr", upsideDown, "samples/scans/05-rechnung-g4.tif",
            "samples/scans/12-gewerbeanmeldung-digital.pdf", "--out", _out, "--hocr", "--pdf");

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] expected =
        [
            "05-rechnung-g4.hocr", "05-rechnung-g4.pdf", "05-rechnung-g4.txt",
            "12-gewerbeanmeldung-digital.pdf", "12-gewerbeanmeldung-digital.txt",
            "phototest-rotated-180.hocr", "phototest-rotated-180.pdf", "phototest-rotated-180.txt",
        ];
        Assert.Equal(expected, Directory.EnumerateFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The upside-down page: text, hOCR and PDF all show it upright.
        Assert.StartsWith("This is a lot of 12 point text", File.ReadAllText(Path.Combine(_out, "phototest-rotated-180.txt")), StringComparison.Ordinal);
        var hocr = Hocr.Parse(File.ReadAllText(Path.Combine(_out, "phototest-rotated-180.hocr")));
        Assert.Equal("This", hocr.Pages.Single().Words[0].Text);
        using (var pdf = PdfDocument.Open(File.ReadAllBytes(Path.Combine(_out, "phototest-rotated-180.pdf"))))
            Assert.StartsWith("This is a lot of 12 point text", ContentOrderTextExtractor.GetText(pdf.GetPage(1)).Trim(), StringComparison.Ordinal);

        // The multi-page G4 TIFF: one page each in text, hOCR and PDF.
        Assert.Equal(3, File.ReadAllText(Path.Combine(_out, "05-rechnung-g4.txt")).Split('\f').Length);
        Assert.Equal(3, Hocr.Parse(File.ReadAllText(Path.Combine(_out, "05-rechnung-g4.hocr"))).Pages.Count);
        using (var pdf = PdfDocument.Open(File.ReadAllBytes(Path.Combine(_out, "05-rechnung-g4.pdf"))))
        {
            Assert.Equal(3, pdf.NumberOfPages);
            Assert.Contains("Rechnung", pdf.GetPage(1).Text, StringComparison.Ordinal);
        }

        // The born-digital PDF is already searchable: copied as it is, and no hOCR, with a German note why.
        Assert.Equal(File.ReadAllBytes(Repository.Path("samples/scans/12-gewerbeanmeldung-digital.pdf")),
            File.ReadAllBytes(Path.Combine(_out, "12-gewerbeanmeldung-digital.pdf")));
        Assert.Contains("12-gewerbeanmeldung-digital.pdf: Text aus der Textebene der PDF übernommen", result.Stderr);
    }

    [Fact]
    public async Task Hocr_or_pdf_without_an_output_folder_is_a_usage_error()
    {
        var result = await ScanpipeProcess.RunAsync("ocr", "samples/scans/05-rechnung-g4.tif", "--pdf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("brauchen deshalb --out", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Inputs_that_would_overwrite_each_others_output_are_refused_before_any_work()
    {
        var result = await ScanpipeProcess.RunAsync("ocr", "samples/scans/05-rechnung-g4.tif",
            TestData.Path("tesseract-testimages/phototest.tif"), "samples/scans/05-rechnung-g4.tif", "--out", _out);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("05-rechnung-g4", result.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_out));
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}

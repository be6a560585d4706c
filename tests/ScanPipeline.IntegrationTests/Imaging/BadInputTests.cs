using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;

namespace ScanPipeline.IntegrationTests.Imaging;

/// <summary>Hostile, broken and oversized input ends in a PermanentProcessingException with the right reason, never in a crash.</summary>
[Collection(ImagingCollection.Name)]
public sealed class BadInputTests(RecognizerFixture fixture)
{
    [RequiresTesseractTheory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_rejected_with_its_reason_both_when_counting_and_when_recognising(string name, string reason)
    {
        var bytes = Load(name);
        var mediaType = MediaTypes.Sniff(bytes) ?? "application/octet-stream";

        var counting = Assert.Throws<PermanentProcessingException>(() => fixture.Recognizer.CountPages(bytes, mediaType));
        var recognising = await Assert.ThrowsAsync<PermanentProcessingException>(() => fixture.Recognizer.RecognizeBytesAsync(bytes, makeSearchablePdf: true));

        Assert.Equal(reason, counting.ReasonCode);
        Assert.Equal(reason, recognising.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(recognising.Message));
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "mailroom-edgecases/password-is-test.pdf", ReasonCodes.Encrypted },
        { "scan-edgecases/invalid.pdf", ReasonCodes.CorruptFile },
        { "truncated:scan-edgecases/palette.pdf", ReasonCodes.CorruptFile },  // lenient PdfPig would open one blank page
        { "truncated:invoices-de/RE-E-974-Hetzner_2016-01-19_R0005532486.pdf", ReasonCodes.CorruptFile },
        { "generated:zero-page.pdf", ReasonCodes.NoPages },
        { "generated:empty", ReasonCodes.EmptyFile },
        { "mailroom-edgecases/simple.txt", ReasonCodes.UnknownFormat },
        { "images-broken/crash-2020-10-test.tif", ReasonCodes.CorruptFile },
        { "images-broken/broken.png", ReasonCodes.CorruptFile },
        { "images-broken/oom-225817ca0f8c663be7ab4b9e717b02c661e66834.tif", ReasonCodes.CorruptFile },
        { "generated:png-bomb", ReasonCodes.TooManyPixels },
        { "generated:tiff-bomb", ReasonCodes.TooManyPixels },
    };

    [RequiresTesseractFact]
    public async Task Pdf_page_image_over_the_pixel_limit_is_rejected_before_decoding()
    {
        // 35,000 x 35,000 bilevel CCITT image: 1.2 G pixels.
        var bytes = TestData.Read("scan-edgecases/hugemono.pdf");

        var error = await Assert.ThrowsAsync<PermanentProcessingException>(() => fixture.Recognizer.RecognizeBytesAsync(bytes));

        Assert.Equal(ReasonCodes.TooManyPixels, error.ReasonCode);
    }

    /// <summary>Every file of Pillow's broken-image set in a format we accept ends read or rejected, never otherwise.</summary>
    [RequiresTesseractFact]
    public async Task Every_broken_image_is_read_or_rejected_with_a_reason()
    {
        var outcomes = new List<string>();
        foreach (var file in Directory.GetFiles(TestData.Path("images-broken")).Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var outcome = "read";
            try
            {
                await fixture.Recognizer.RecognizeBytesAsync(bytes);
            }
            catch (PermanentProcessingException error)
            {
                outcome = error.ReasonCode;
            }
            outcomes.Add($"{Path.GetFileName(file)}: {outcome}");
        }

        // Anything but a PermanentProcessingException has already failed the test; the table keeps regressions visible.
        Assert.Equal(string.Join("\n", ExpectedBrokenImageOutcomes), string.Join("\n", outcomes));
    }

    private static readonly string[] ExpectedBrokenImageOutcomes =
    [
        "broken.png: corrupt-file",
        "broken_exif_dpi.jpg: read",
        "crash-0da013a13571cc8eb457a39fee8db18f8a3c7127.tif: read",
        "crash-0e16d3bfb83be87356d026d66919deaefca44dac.tif: corrupt-file",
        "crash-1152ec2d1a1a71395b6f2ce6721c38924d025bf3.tif: corrupt-file",
        "crash-2020-10-test.tif: corrupt-file",
        "crash-338516dbd2f0e83caddb8ce256c22db3bd6dc40f.tif: corrupt-file",
        "crash-4fb027452e6988530aa5dabee76eecacb3b79f8a.j2k: unknown-format",
        "crash-6b7f2244da6d0ae297ee0754a424213444e92778.sgi: unknown-format",
        "crash-74d2a78403a5a59db1fb0a2b8735ac068a75f6e3.tif: read",
        "crash-754d9c7ec485ffb76a90eeaab191ef69a2a3a3cd.sgi: unknown-format",
        "crash-86214e58da443d2b80820cff9677a38a33dcbbca.tif: corrupt-file",
        "crash-b82e64d4f3f76d7465b6af535283029eda211259.sgi: unknown-format",
        "cross_scan_line_truncated.tga: unknown-format",
        "decompression_bomb.gif: unknown-format",
        "decompression_bomb.ico: unknown-format",
        "decompression_bomb_extents.gif: unknown-format",
        "invalid-exif-without-x-resolution.jpg: read",
        "invalid.spider: unknown-format",
        "oom-225817ca0f8c663be7ab4b9e717b02c661e66834.tif: corrupt-file",
        "photoshop-200dpi-broken.jpg: corrupt-file",
        "png_decompression_dos.png: read",
        "timeout-060745d3f534ad6e4128c51d336ea5489182c69d.blp: unknown-format",
        "timeout-1ee28a249896e05b83840ae8140622de8e648ba9.psd: unknown-format",
        "timeout-52d106579505547091ef69b58341351a37c23e31.dds: unknown-format",
        "timeout-598843abc37fc080ec36a2699ebbd44f795d3a6f.psd: unknown-format",
        "timeout-60d8b7c8469d59fc9ffff6b3a3dc0faeae6ea8ee.blp: unknown-format",
        "timeout-755a4d204f4208e3597ac3391edebee196462bd0.dds: unknown-format",
        "timeout-9139147ce93e20eb14088fe238e541443ffd64b3.fli: unknown-format",
        "timeout-bba4f2e026b5786529370e5dfe9a11b1bf991f07.blp: unknown-format",
        "timeout-bff0a9dc7243a8e6ede2408d2ffa6a9964698b87.fli: unknown-format",
        "timeout-c60a3d7314213624607bfb3e38d551a8b24a7435.dds: unknown-format",
        "timeout-dedc7a4ebd856d79b4359bbcc79e8ef231ce38f6.psd: unknown-format",
        "truncated_app14.jpg: corrupt-file",
        "truncated_end_chunk.png: corrupt-file",
        "truncated_image.png: corrupt-file",
    ];

    [RequiresTesseractTheory]
    [InlineData("mailroom-edgecases/barcodes/patch-code-t-middle.tiff")]
    [InlineData("mailroom-edgecases/documents/originals/0000002.pdf")]
    public async Task File_with_more_pages_than_allowed_is_rejected(string file)
    {
        using var recognizer = RecognizerFixture.Create(new ImagingOptions { MaxPagesPerFile = 2, EngineThreads = 1 });
        var bytes = TestData.Read(file);

        var counting = Assert.Throws<PermanentProcessingException>(() => recognizer.CountPages(bytes, MediaTypes.Sniff(bytes)!));
        var recognising = await Assert.ThrowsAsync<PermanentProcessingException>(() => recognizer.RecognizeBytesAsync(bytes));

        Assert.Equal(ReasonCodes.TooManyPages, counting.ReasonCode);
        Assert.Equal(ReasonCodes.TooManyPages, recognising.ReasonCode);
    }

    [RequiresTesseractFact]
    public async Task Page_over_its_time_limit_is_stopped_by_the_tesseract_monitor_as_a_timeout()
    {
        // A dense 300-dpi report page needs about a second; 50 ms cannot be enough.
        using var recognizer = RecognizerFixture.Create(new ImagingOptions { MaxSecondsPerPage = 0.05, EngineThreads = 1 });

        var error = await Assert.ThrowsAsync<PermanentProcessingException>(
            () => recognizer.RecognizeFileAsync("tesseract-testimages/8087_054.3B.tif"));

        Assert.Equal(ReasonCodes.Timeout, error.ReasonCode);
        // The engine is still usable afterwards.
        using var generous = RecognizerFixture.Create(new ImagingOptions { EngineThreads = 1 });
        Assert.NotEmpty((await generous.RecognizeFileAsync("tesseract-testimages/8087_054.3B.tif")).FullText.Trim());
    }

    [RequiresTesseractFact]
    public async Task Document_over_its_total_time_limit_is_stopped_as_a_timeout_before_its_next_page()
    {
        // Each page of the three-page invoice takes far longer than 10 ms, so the second page never starts.
        using var recognizer = RecognizerFixture.Create(new ImagingOptions { MaxSecondsPerDocument = 0.01, EngineThreads = 1 });

        var error = await Assert.ThrowsAsync<PermanentProcessingException>(() => recognizer.RecognizeBytesAsync(File.ReadAllBytes(Repository.Path("samples/scans/05-rechnung-g4.tif"))));

        Assert.Equal(ReasonCodes.Timeout, error.ReasonCode);
        Assert.Contains("1 of 3 pages were read", error.Message);
    }

    [RequiresTesseractFact]
    public async Task Asking_for_a_page_that_does_not_exist_is_an_invalid_message()
    {
        var error = await Assert.ThrowsAsync<PermanentProcessingException>(
            () => fixture.Recognizer.RecognizeFileAsync("tesseract-testimages/phototest.tif", pages: [2]));

        Assert.Equal(ReasonCodes.InvalidMessage, error.ReasonCode);
    }

    private static byte[] Load(string name) => name switch
    {
        "generated:zero-page.pdf" => TestPdfs.ZeroPages(),
        "generated:empty" => [],
        "generated:png-bomb" => TestImages.PngBomb(100_000, 100_000),
        "generated:tiff-bomb" => TestImages.TiffBomb(200_000, 300_000),
        _ when name.StartsWith("truncated:", StringComparison.Ordinal) => TestPdfs.Truncated(name["truncated:".Length..], 60),
        _ => TestData.Read(name),
    };
}

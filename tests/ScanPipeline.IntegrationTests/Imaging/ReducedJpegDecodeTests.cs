using ScanPipeline.Imaging.Input;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;

namespace ScanPipeline.IntegrationTests.Imaging;

/// <summary>Page analysis decodes JPEG pages reduced inside libjpeg (real Leptonica, a real 300-dpi sample scan).</summary>
public sealed class ReducedJpegDecodeTests
{
    [Theory]
    [InlineData(300, 150, 2)]
    [InlineData(600, 150, 4)]
    [InlineData(200, 150, 1)]  // 100 dpi would be too coarse
    [InlineData(2400, 150, 8)] // libjpeg reduces by 8 at most
    [InlineData(150, 150, 1)]
    public void Reduction_keeps_at_least_nine_tenths_of_the_target_resolution(int dpi, int target, int expected)
    {
        Assert.Equal(expected, ImageDecoder.AnalysisReduction(dpi, target));
    }

    [RequiresTesseractFact]
    public void A_300_dpi_jpeg_is_decoded_at_half_size_with_its_resolution_halved()
    {
        var jpeg = File.ReadAllBytes(Repository.Path("samples/scans/02-beschwerde-gray.jpg"));

        using var full = ImageDecoder.Decode(jpeg, 100_000_000, "test JPEG");
        using var reduced = ImageDecoder.DecodeJpegForAnalysis(jpeg, 150, 100_000_000, "test JPEG");

        Assert.Equal(2480, full.Width);
        Assert.Equal(full.Width / 2, reduced.Pix.Width);
        Assert.Equal(150, reduced.Dpi);
        Assert.True(reduced.DpiDeclared);
        Assert.Null(reduced.OriginalJpeg); // never passed on as the page image
    }

    [RequiresTesseractFact]
    public void A_truncated_jpeg_is_refused_by_the_reduced_decode_as_well()
    {
        var jpeg = File.ReadAllBytes(Repository.Path("samples/scans/02-beschwerde-gray.jpg"));

        var error = Record.Exception(() => ImageDecoder.DecodeJpegForAnalysis(jpeg.AsSpan(0, 600), 150, 100_000_000, "test JPEG").Dispose());

        Assert.IsType<ScanPipeline.Core.Documents.PermanentProcessingException>(error);
    }
}

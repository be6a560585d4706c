using System.Text;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Input;
using Xunit;

namespace ScanPipeline.Tests.Imaging;

public sealed class PdfPathTests
{
    [Fact]
    public void A4_page_renders_at_the_configured_resolution_when_it_fits()
    {
        Assert.Equal(300, PdfRasterizer.ChooseDpi(595, 842, 300, 100_000_000, pageNumber: 1));
    }

    [Fact]
    public void Poster_page_renders_at_a_lower_resolution_that_fits_the_pixel_limit()
    {
        // 30 x 30 inches: 81 M pixels at 300 dpi, over a 25 M limit.
        var dpi = PdfRasterizer.ChooseDpi(30 * 72, 30 * 72, 300, 25_000_000, pageNumber: 1);

        Assert.InRange(dpi, 72, 299);
        Assert.True(Math.Ceiling(30.0 * dpi) * Math.Ceiling(30.0 * dpi) <= 25_000_000);
    }

    [Fact]
    public void Page_too_large_even_at_72_dpi_is_too_many_pixels()
    {
        // qpdf's 200 x 200 inch page: 207 M pixels at 72 dpi.
        var error = Assert.Throws<PermanentProcessingException>(() => PdfRasterizer.ChooseDpi(14_400, 14_400, 300, 100_000_000, 1));
        Assert.Equal(ReasonCodes.TooManyPixels, error.ReasonCode);
    }

    [Fact]
    public void Gray_samples_become_a_P5_image_unchanged()
    {
        byte[] samples = [0, 128, 255, 10, 20, 30];

        var pnm = PdfEmbeddedImage.ToPnm(samples, width: 3, height: 2, components: 1, bitsPerComponent: 8, reverseDecode: false)!;

        var header = "P5\n3 2\n255\n";
        Assert.Equal(header, Encoding.ASCII.GetString(pnm, 0, header.Length));
        Assert.Equal(samples, pnm[header.Length..]);
    }

    [Fact]
    public void Bilevel_samples_are_inverted_for_PBM_where_1_is_black()
    {
        byte[] samples = [0b1111_0000, 0b0000_1111]; // PDF gray: 0 = black

        var pnm = PdfEmbeddedImage.ToPnm(samples, width: 8, height: 2, components: 1, bitsPerComponent: 1, reverseDecode: false)!;
        var inverted = PdfEmbeddedImage.ToPnm(samples, width: 8, height: 2, components: 1, bitsPerComponent: 1, reverseDecode: true)!;

        Assert.Equal(new byte[] { 0b0000_1111, 0b1111_0000 }, pnm[^2..]);
        Assert.Equal(samples, inverted[^2..]);
    }

    [Theory]
    [InlineData(4, 8)]   // CMYK
    [InlineData(1, 16)]  // 16-bit gray
    [InlineData(3, 1)]   // 1-bit RGB does not exist
    public void Layouts_leptonica_cannot_take_as_PNM_are_left_to_the_rasteriser(int components, int bits)
    {
        Assert.Null(PdfEmbeddedImage.ToPnm(new byte[1024], 4, 4, components, bits, reverseDecode: false));
    }

    [Fact]
    public void Fewer_samples_than_the_image_declares_are_left_to_the_rasteriser()
    {
        Assert.Null(PdfEmbeddedImage.ToPnm(new byte[10], 4, 4, 1, 8, reverseDecode: false));
    }
}

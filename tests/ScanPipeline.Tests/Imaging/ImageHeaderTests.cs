using System.Buffers.Binary;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Input;
using Xunit;

namespace ScanPipeline.Tests.Imaging;

public sealed class ImageHeaderTests
{
    [Fact]
    public void Png_size_comes_from_IHDR()
    {
        var png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }.CopyTo(png, 0);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 2480);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 3508);

        Assert.Equal((2480L, 3508L), ImageDimensions.OfPng(png));
    }

    [Fact]
    public void Jpeg_size_comes_from_the_frame_header_after_other_segments()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,                                     // SOI
            0xFF, 0xE0, 0x00, 0x06, 0x4A, 0x46, 0x49, 0x46,  // APP0 (length 6)
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x0D, 0xB4, 0x09, 0xB0, 0x01, 0x01, 0x11, 0x00, // SOF0: 3508 high, 2480 wide
            0xFF, 0xD9,
        ];

        Assert.Equal((2480L, 3508L), ImageDimensions.OfJpeg(jpeg));
    }

    [Fact]
    public void Jpeg_without_a_frame_header_has_no_size()
    {
        Assert.Null(ImageDimensions.OfJpeg([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]));
    }

    [Theory]
    [InlineData(10_000, 10_000, 100_000_000, null)]
    [InlineData(10_001, 10_000, 100_000_000, ReasonCodes.TooManyPixels)]
    [InlineData(0, 10, 100, ReasonCodes.CorruptFile)]
    public void Pixel_limit_is_checked_against_declared_sizes(long width, long height, long limit, string? reason)
    {
        var error = Record.Exception(() => ImageDecoder.CheckPixels(width, height, limit, "test image"));

        Assert.Equal(reason, (error as PermanentProcessingException)?.ReasonCode);
    }
}

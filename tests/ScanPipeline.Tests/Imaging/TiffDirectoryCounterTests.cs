using System.Buffers.Binary;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Input;
using Xunit;

namespace ScanPipeline.Tests.Imaging;

public sealed class TiffDirectoryCounterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void Counts_every_directory_of_the_chain(int pages)
    {
        Assert.Equal(pages, TiffDirectoryCounter.Count(Tiff(pages), maxPages: 100));
    }

    [Fact]
    public void Reads_the_declared_size_of_each_page()
    {
        var sizes = TiffDirectoryCounter.PageSizes(Tiff(2, width: 2480, height: 3508), maxPages: 10);

        Assert.Equal([(2480L, 3508L), (2480L, 3508L)], sizes.Select(s => s!.Value));
    }

    [Fact]
    public void More_pages_than_allowed_is_too_many_pages()
    {
        var error = Assert.Throws<PermanentProcessingException>(() => TiffDirectoryCounter.Count(Tiff(5), maxPages: 4));
        Assert.Equal(ReasonCodes.TooManyPages, error.ReasonCode);
    }

    [Fact]
    public void A_chain_that_loops_is_corrupt()
    {
        var tiff = Tiff(2);
        var secondDirectory = BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(8 + 2 + 2 * 12));
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan((int)secondDirectory + 2 + 2 * 12), 8); // back to the first

        var error = Assert.Throws<PermanentProcessingException>(() => TiffDirectoryCounter.Count(tiff, maxPages: 1000));
        Assert.Equal(ReasonCodes.CorruptFile, error.ReasonCode);
    }

    [Theory]
    [InlineData(0xFFFFFFF0u)]
    [InlineData(3u)]
    public void A_directory_outside_the_file_is_corrupt(uint offset)
    {
        var tiff = Tiff(1);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), offset);

        var error = Assert.Throws<PermanentProcessingException>(() => TiffDirectoryCounter.Count(tiff, maxPages: 10));
        Assert.Equal(ReasonCodes.CorruptFile, error.ReasonCode);
    }

    [Fact]
    public void A_file_cut_inside_a_directory_is_corrupt()
    {
        var tiff = Tiff(1);

        var error = Assert.Throws<PermanentProcessingException>(() => TiffDirectoryCounter.Count(tiff[..20], maxPages: 10));
        Assert.Equal(ReasonCodes.CorruptFile, error.ReasonCode);
    }

    /// <summary>A little-endian TIFF skeleton: <paramref name="pages"/> directories with width and height tags, no pixel data.</summary>
    internal static byte[] Tiff(int pages, uint width = 100, uint height = 200)
    {
        const int directorySize = 2 + 2 * 12 + 4;
        var tiff = new byte[8 + pages * directorySize];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        for (var page = 0; page < pages; page++)
        {
            var at = 8 + page * directorySize;
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), 2);
            WriteLongTag(tiff.AsSpan(at + 2), 256, width);
            WriteLongTag(tiff.AsSpan(at + 14), 257, height);
            var next = page == pages - 1 ? 0u : (uint)(at + directorySize);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 26), next);
        }
        return tiff;
    }

    private static void WriteLongTag(Span<byte> entry, ushort tag, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
    }
}

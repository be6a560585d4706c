using System.Buffers.Binary;
using ScanPipeline.Core.Documents;

namespace ScanPipeline.Imaging.Input;

/// <summary>
/// Counts the pages (image file directories) of a classic TIFF by walking the IFD chain, without decoding.
/// Bounds-checked and loop-safe: a fuzzed file whose chain points back on itself or past the end is corrupt.
/// </summary>
internal static class TiffDirectoryCounter
{
    public static int Count(ReadOnlySpan<byte> data, int maxPages) => Directories(data, maxPages).Count;

    /// <summary>Declared width and height of every page (null where the tags are missing), in page order.</summary>
    public static List<(long Width, long Height)?> PageSizes(ReadOnlySpan<byte> data, int maxPages)
    {
        var littleEndian = data[0] == (byte)'I';
        var sizes = new List<(long Width, long Height)?>();
        foreach (var offset in Directories(data, maxPages)) sizes.Add(ImageDimensions.OfTiffDirectory(data, offset, littleEndian));
        return sizes;
    }

    private static List<long> Directories(ReadOnlySpan<byte> data, int maxPages)
    {
        if (data.Length < 8) throw Corrupt("the file is shorter than a TIFF header");
        var littleEndian = data[0] == (byte)'I';
        var offset = ReadUInt32(data, 4, littleEndian);
        var seen = new HashSet<long>();
        var directories = new List<long>();
        var count = 0;
        while (offset != 0)
        {
            if (offset < 8 || offset + 2 > data.Length) throw Corrupt($"directory {count + 1} lies outside the file");
            if (!seen.Add(offset)) throw Corrupt("the directory chain loops");
            if (++count > maxPages)
                throw new PermanentProcessingException(ReasonCodes.TooManyPages,
                    $"The TIFF has more than {maxPages} pages, the limit per file.");
            directories.Add(offset);
            long entries = ReadUInt16(data, (int)offset, littleEndian);
            var next = offset + 2 + entries * 12;
            if (next + 4 > data.Length) throw Corrupt($"directory {count} is cut off");
            offset = ReadUInt32(data, (int)next, littleEndian);
        }
        return directories;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static long ReadUInt32(ReadOnlySpan<byte> data, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt32BigEndian(data[at..]);

    private static PermanentProcessingException Corrupt(string why) =>
        new(ReasonCodes.CorruptFile, $"The TIFF is damaged: {why}.");
}

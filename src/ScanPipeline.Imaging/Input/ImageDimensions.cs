using System.Buffers.Binary;

namespace ScanPipeline.Imaging.Input;

/// <summary>
/// Reads the declared width and height of a PNG (IHDR), JPEG (SOF) or TIFF page (tags 256/257) in managed
/// code, before any native decoder sees the file. A bomb declares its size honestly in the header; this lets
/// it be named as such (too many pixels) even where libpng or libtiff would refuse the header as broken.
/// </summary>
internal static class ImageDimensions
{
    public static (long Width, long Height)? OfPng(ReadOnlySpan<byte> data) =>
        data.Length >= 24 && data[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadUInt32BigEndian(data[16..]), BinaryPrimitives.ReadUInt32BigEndian(data[20..]))
            : null;

    public static (long Width, long Height)? OfJpeg(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 9 < data.Length)
        {
            if (data[at] != 0xFF) return null;
            var marker = data[at + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { at += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]));
            if (marker == 0xDA || length < 2) return null;
            at += 2 + length;
        }
        return null;
    }

    /// <summary>Width and height of the TIFF directory at <paramref name="ifdOffset"/>, when both tags are there.</summary>
    public static (long Width, long Height)? OfTiffDirectory(ReadOnlySpan<byte> data, long ifdOffset, bool littleEndian)
    {
        if (ifdOffset + 2 > data.Length) return null;
        int entries = Read16(data, (int)ifdOffset, littleEndian);
        long? width = null, height = null;
        for (var i = 0; i < entries; i++)
        {
            var entry = ifdOffset + 2 + i * 12L;
            if (entry + 12 > data.Length) break;
            var tag = Read16(data, (int)entry, littleEndian);
            if (tag is not (256 or 257)) continue;
            long value = Read16(data, (int)entry + 2, littleEndian) switch
            {
                3 => Read16(data, (int)entry + 8, littleEndian),
                4 => littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data[(int)(entry + 8)..]) : BinaryPrimitives.ReadUInt32BigEndian(data[(int)(entry + 8)..]),
                _ => -1,
            };
            if (tag == 256) width = value; else height = value;
        }
        return width is { } w && height is { } h && w >= 0 && h >= 0 ? (w, h) : null;
    }

    private static ushort Read16(ReadOnlySpan<byte> data, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
}

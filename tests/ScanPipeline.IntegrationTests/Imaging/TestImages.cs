using System.Buffers.Binary;
using System.IO.Compression;

namespace ScanPipeline.IntegrationTests.Imaging;

/// <summary>Decompression bombs built in the test: honest headers declaring huge pages, tiny bodies.</summary>
internal static class TestImages
{
    /// <summary>A PNG whose IHDR declares <paramref name="width"/> x <paramref name="height"/> gray pixels; its IDAT holds one compressed row.</summary>
    public static byte[] PngBomb(uint width, uint height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (gray), no interlace
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
                zlib.Write(new byte[width + 1]);
            WriteChunk(png, "IDAT", compressed.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A G4 TIFF whose tags declare <paramref name="width"/> x <paramref name="height"/> bilevel pixels in a 16-byte strip.</summary>
    public static byte[] TiffBomb(uint width, uint height)
    {
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 4, width), (257, 4, height), (258, 3, 1), (259, 3, 4 /* CCITT G4 */), (262, 3, 0),
            (273, 4, 8 + 2 + 9 * 12 + 4), (277, 3, 1), (278, 4, height), (279, 4, 16),
        ];
        var tiff = new byte[8 + 2 + entries.Length * 12 + 4 + 16];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = 10 + i * 12;
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), 1);
            if (entries[i].Type == 3) BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 8), (ushort)entries[i].Value);
            else BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), entries[i].Value);
        }
        return tiff; // next-IFD offset and the strip stay zero
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected, polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A corpus of broken and hostile image files built from the bundled samples at test time: truncated TIFF and
/// JPEG, decompression bombs (headers that declare billions of pixels), zero-byte files, wrong extensions,
/// garbage, and file names that look like paths. Each entry says what the pipeline must do with it.
/// </summary>
public static class HostileFiles
{
    public sealed record HostileFile(string Name, byte[] Content, bool MustBeQuarantined);

    public static IReadOnlyList<HostileFile> Build()
    {
        var tiff = File.ReadAllBytes(Repository.Path("samples/scans/03-bewerbung-g4.tif"));
        var jpeg = File.ReadAllBytes(Repository.Path("samples/scans/02-beschwerde-gray.jpg"));
        var pdf = File.ReadAllBytes(Repository.Path("samples/scans/12-gewerbeanmeldung-digital.pdf"));
        return
        [
            new("leer.tif", [], true),
            new("null-bytes.pdf", [], true),
            new("abgeschnitten-g4.tif", tiff[..(tiff.Length * 2 / 5)], true),
            new("abgeschnitten.jpg", jpeg[..(jpeg.Length / 3)], true),
            new("bombe-100000x100000.png", PngBomb(100_000, 100_000), true),
            new("bombe-65000x65000.jpg", JpegWithSize(jpeg, 65_000, 65_000), true),
            new("text-als.pdf", Encoding.UTF8.GetBytes("Sehr geehrte Damen und Herren, dies ist keine PDF.\n"), true),
            new("rauschen.tif", Garbage(64 * 1024), true),
            // Right content, wrong name: the format is told by the content, so this one is processed.
            new("eigentlich-eine-pdf.jpg", pdf, false),
            // A name that looks like a path: it is only ever a name, never a place to write to.
            new("Brief..%2F..%2Fetc%2Fpasswd.pdf", [.. pdf, .. "\n%name\n"u8.ToArray()], false),
        ];
    }

    /// <summary>A valid PNG whose header declares width × height 8-bit grey pixels, with one tiny compressed row.</summary>
    private static byte[] PngBomb(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace 0
        WriteChunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[width + 1]);
            WriteChunk(png, "IDAT", data.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The JPEG with the size in its start-of-frame marker rewritten (the data stays the small original).</summary>
    private static byte[] JpegWithSize(byte[] jpeg, ushort width, ushort height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] != 0xFF || copy[i + 1] is not (0xC0 or 0xC1 or 0xC2)) continue;
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), height);
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), width);
            return copy;
        }
        throw new InvalidOperationException("No start-of-frame marker in the sample JPEG.");
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(4711).NextBytes(bytes);
        "II*\0"u8.CopyTo(bytes); // starts like a TIFF, continues as noise
        return bytes;
    }
}

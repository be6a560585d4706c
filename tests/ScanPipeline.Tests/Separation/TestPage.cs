using System.Buffers.Binary;
using System.IO.Compression;
using ScanPipeline.Imaging.Analysis;
using ZXing;
using ZXing.Common;

namespace ScanPipeline.Tests.Separation;

/// <summary>
/// An A4 page drawn in code, as a scanner would deliver it: grey paper, then ink, noise and the marks a scanner
/// adds (punch holes, staple shadows, dark edges, bleed-through). Coordinates are in millimetres from the top
/// left, so a page reads like the sheet it stands for. Deterministic: the noise comes from a seeded generator.
/// </summary>
internal sealed class TestPage
{
    public const double WidthMm = 210, HeightMm = 297;

    private readonly byte[] _pixels;
    private readonly Random _random;

    public TestPage(int dpi = 150, byte paper = 238, int seed = 1)
    {
        Dpi = dpi;
        Width = Px(WidthMm);
        Height = Px(HeightMm);
        _pixels = new byte[Width * Height];
        Array.Fill(_pixels, paper);
        _random = new Random(seed);
    }

    public int Dpi { get; }
    public int Width { get; }
    public int Height { get; }

    public int Px(double millimetres) => (int)Math.Round(millimetres / 25.4 * Dpi);

    public GrayImage ToImage() => new(Width, Height, Dpi, (byte[])_pixels.Clone());

    /// <summary>Darkens a pixel to <paramref name="tone"/> (never lightens: ink on ink stays the darker).</summary>
    private void Ink(int x, int y, byte tone)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height) return;
        var at = y * Width + x;
        if (_pixels[at] > tone) _pixels[at] = tone;
    }

    public TestPage FillRectangle(double xMm, double yMm, double widthMm, double heightMm, byte tone)
    {
        for (var y = Px(yMm); y < Px(yMm + heightMm); y++)
        for (var x = Px(xMm); x < Px(xMm + widthMm); x++) Ink(x, y, tone);
        return this;
    }

    public TestPage FillCircle(double centreXMm, double centreYMm, double diameterMm, byte tone)
    {
        double cx = centreXMm / 25.4 * Dpi, cy = centreYMm / 25.4 * Dpi, r = diameterMm / 25.4 * Dpi / 2;
        for (var y = (int)(cy - r) - 1; y <= (int)(cy + r) + 1; y++)
        for (var x = (int)(cx - r) - 1; x <= (int)(cx + r) + 1; x++)
            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) Ink(x, y, tone);
        return this;
    }

    /// <summary>A pen stroke of the given width from one point to the other.</summary>
    public TestPage Line(double x1Mm, double y1Mm, double x2Mm, double y2Mm, double widthMm, byte tone)
    {
        var length = Math.Sqrt((x2Mm - x1Mm) * (x2Mm - x1Mm) + (y2Mm - y1Mm) * (y2Mm - y1Mm));
        var steps = Math.Max(1, (int)(length / 25.4 * Dpi * 2));
        for (var i = 0; i <= steps; i++)
        {
            var t = (double)i / steps;
            FillCircle(x1Mm + (x2Mm - x1Mm) * t, y1Mm + (y2Mm - y1Mm) * t, widthMm, tone);
        }
        return this;
    }

    /// <summary>Handwriting: a run of loops and strokes in a box, like a signature or a few scribbled words.</summary>
    public TestPage Scribble(double xMm, double yMm, double widthMm, double heightMm, int strokes, byte tone = 70, double penMm = 0.4)
    {
        double x = xMm, y = yMm + heightMm * 0.7;
        var step = widthMm / strokes;
        for (var i = 0; i < strokes; i++)
        {
            var up = yMm + heightMm * (0.1 + 0.5 * _random.NextDouble());
            var down = yMm + heightMm * (0.75 + 0.25 * _random.NextDouble());
            Line(x, y, x + step * 0.4, up, penMm, tone);
            Line(x + step * 0.4, up, x + step * 0.7, down, penMm, tone);
            Line(x + step * 0.7, down, x + step, yMm + heightMm * 0.7, penMm, tone);
            x += step;
            y = yMm + heightMm * 0.7;
        }
        return this;
    }

    /// <summary>Typed text stands in as word-sized blocks of character strokes on lines (glyph shapes do not matter here).</summary>
    public TestPage TextLines(double xMm, double yMm, int lines, double lineWidthMm, byte tone, double lineHeightMm = 5)
    {
        for (var line = 0; line < lines; line++)
        {
            var x = xMm;
            var baseline = yMm + line * lineHeightMm;
            while (x < xMm + lineWidthMm)
            {
                var word = 2 + _random.Next(8);
                for (var c = 0; c < word; c++, x += 1.9)
                    FillRectangle(x, baseline - 2.6, 0.35, 2.6, tone).FillRectangle(x, baseline - 1.3, 1.3, 0.3, tone);
                x += 2.5;
            }
        }
        return this;
    }

    /// <summary>Scanner grain: every pixel moves by up to ±<paramref name="amplitude"/>.</summary>
    public TestPage Grain(int amplitude)
    {
        for (var i = 0; i < _pixels.Length; i++)
            _pixels[i] = (byte)Math.Clamp(_pixels[i] + _random.Next(-amplitude, amplitude + 1), 0, 255);
        return this;
    }

    /// <summary>Dust and specks: small dark dots, up to <paramref name="maxDiameterMm"/> across.</summary>
    public TestPage Specks(int count, double maxDiameterMm = 0.7)
    {
        for (var i = 0; i < count; i++)
            FillCircle(_random.NextDouble() * WidthMm, _random.NextDouble() * HeightMm, 0.15 + _random.NextDouble() * (maxDiameterMm - 0.15),
                (byte)_random.Next(10, 120));
        return this;
    }

    /// <summary>Two punch holes on the left, 12 mm from the edge, 80 mm apart: dark where the scanner lid shows through.</summary>
    public TestPage PunchHoles(byte tone = 25) =>
        FillCircle(12, HeightMm / 2 - 40, 5.5, tone).FillCircle(12, HeightMm / 2 + 40, 5.5, tone);

    /// <summary>A staple and its shadow in the top left corner.</summary>
    public TestPage StapleShadow() =>
        Line(9, 14, 21, 9, 0.8, 40).Line(9.5, 15, 21.5, 10, 0.5, 120);

    /// <summary>A dark band along one edge where the scanner saw past the paper.</summary>
    public TestPage DarkEdge(double widthMm = 6) => FillRectangle(WidthMm - widthMm, 0, widthMm, HeightMm, 30);

    /// <summary>The other side's letter showing through thin paper: faint, mirrored text lines.</summary>
    public TestPage BleedThrough(byte tone = 205) => TextLines(25, 50, 30, 160, tone, 7);

    /// <summary>A barcode drawn with ZXing at the given place and width.</summary>
    public TestPage Barcode(BarcodeFormat format, string content, double xMm, double yMm, double widthMm, double heightMm)
    {
        var writer = new BarcodeWriterPixelData
        {
            Format = format,
            Options = new EncodingOptions { Width = Px(widthMm), Height = Px(heightMm), Margin = 2, PureBarcode = true },
        };
        writer.Options.Hints[EncodeHintType.CHARACTER_SET] = "UTF-8";
        var data = writer.Write(content);
        int left = Px(xMm), top = Px(yMm);
        for (var y = 0; y < data.Height; y++)
        for (var x = 0; x < data.Width; x++)
            if (data.Pixels[(y * data.Width + x) * 4] < 128) Ink(left + x, top + y, 15);
        return this;
    }

    /// <summary>The page as a grey PNG with its resolution recorded (pHYs), for the decoders of the page sources.</summary>
    public byte[] ToPng()
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < Height; y++)
        {
            raw.WriteByte(0); // filter: none
            raw.Write(_pixels, y * Width, Width);
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) raw.WriteTo(zlib);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace 0
        Chunk(png, "IHDR", header);
        var density = new byte[9];
        var perMetre = (int)Math.Round(Dpi / 0.0254);
        BinaryPrimitives.WriteInt32BigEndian(density, perMetre);
        BinaryPrimitives.WriteInt32BigEndian(density.AsSpan(4), perMetre);
        density[8] = 1;
        Chunk(png, "pHYs", density);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    /// <summary>The pixels, rows packed, zlib-compressed: the stream of a PDF image XObject with /FlateDecode.</summary>
    public byte[] ToFlate()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(_pixels);
        return compressed.ToArray();
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }
}

using System.Buffers.Binary;
using System.IO.Hashing;
using BitMiracle.LibTiff.Classic;
using SkiaSharp;

namespace ScanPipeline.SampleGenerator.Scans;

/// <summary>Writes rendered pages as PNG, JPEG and TIFF with 300 dpi recorded in the file.</summary>
public static class ImageFiles
{
    public static void WritePng(string path, GrayPage page) => File.WriteAllBytes(path, WithPngDpi(Encode(page, SKEncodedImageFormat.Png, 100)));

    public static void WriteJpeg(string path, GrayPage page, int quality) => File.WriteAllBytes(path, EncodeJpeg(page, quality));

    /// <summary>A greyscale baseline JPEG whose JFIF header says 300 dpi.</summary>
    public static byte[] EncodeJpeg(GrayPage page, int quality) => WithJfifDpi(Encode(page, SKEncodedImageFormat.Jpeg, quality));

    private static byte[] Encode(GrayPage page, SKEncodedImageFormat format, int quality)
    {
        var info = new SKImageInfo(page.Width, page.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var data = SKData.CreateCopy(page.Pixels);
        using var image = SKImage.FromPixels(info, data, page.Width);
        using var encoded = image.Encode(format, quality) ?? throw new InvalidOperationException($"Skia could not encode {format}");
        return encoded.ToArray();
    }

    /// <summary>Inserts a pHYs chunk (300 dpi = 11811 px/m) right after IHDR.</summary>
    private static byte[] WithPngDpi(byte[] png)
    {
        const int afterIhdr = 8 + 4 + 4 + 13 + 4;
        if (png.AsSpan(12, 4).SequenceEqual("IHDR"u8) is false) throw new InvalidOperationException("Not a PNG");
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        var pixelsPerMetre = (int)Math.Round(PageRasterizer.Dpi / 0.0254);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(8), pixelsPerMetre);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(12), pixelsPerMetre);
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32.HashToUInt32(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, afterIhdr), .. chunk, .. png.AsSpan(afterIhdr)];
    }

    /// <summary>Sets the JFIF APP0 density to 300 × 300 dots per inch.</summary>
    private static byte[] WithJfifDpi(byte[] jpeg)
    {
        if (jpeg[2] != 0xFF || jpeg[3] != 0xE0 || !jpeg.AsSpan(6, 5).SequenceEqual("JFIF\0"u8))
            throw new InvalidOperationException("Expected a JFIF APP0 segment from the encoder");
        jpeg[13] = 1; // units: dots per inch
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(14), PageRasterizer.Dpi);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(16), PageRasterizer.Dpi);
        return jpeg;
    }

    public enum TiffKind { Group4, GrayLzw, GrayJpeg }

    /// <summary>A multi-page TIFF: bitonal CCITT Group 4, or 8-bit grey with LZW or JPEG compression.</summary>
    public static void WriteTiff(string path, IReadOnlyList<GrayPage> pages, TiffKind kind)
    {
        using var tiff = Tiff.Open(path, "w") ?? throw new InvalidOperationException($"Cannot create {path}");
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            tiff.SetField(TiffTag.IMAGEWIDTH, page.Width);
            tiff.SetField(TiffTag.IMAGELENGTH, page.Height);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
            tiff.SetField(TiffTag.XRESOLUTION, (double)PageRasterizer.Dpi);
            tiff.SetField(TiffTag.YRESOLUTION, (double)PageRasterizer.Dpi);
            tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
            tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
            tiff.SetField(TiffTag.PAGENUMBER, p, pages.Count);
            tiff.SetField(TiffTag.SOFTWARE, "ScanPipeline.SampleGenerator");
            if (kind == TiffKind.Group4)
            {
                tiff.SetField(TiffTag.BITSPERSAMPLE, 1);
                tiff.SetField(TiffTag.COMPRESSION, Compression.CCITTFAX4);
                tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISWHITE);
                tiff.SetField(TiffTag.FILLORDER, FillOrder.MSB2LSB);
                tiff.SetField(TiffTag.ROWSPERSTRIP, page.Height);
                var row = new byte[(page.Width + 7) / 8];
                for (var y = 0; y < page.Height; y++)
                {
                    Array.Clear(row);
                    var offset = y * page.Width;
                    for (var x = 0; x < page.Width; x++)
                        if (page.Pixels[offset + x] < 128) row[x >> 3] |= (byte)(0x80 >> (x & 7));
                    tiff.WriteScanline(row, y);
                }
            }
            else
            {
                tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
                tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
                if (kind == TiffKind.GrayLzw)
                {
                    tiff.SetField(TiffTag.COMPRESSION, Compression.LZW);
                    tiff.SetField(TiffTag.PREDICTOR, Predictor.HORIZONTAL);
                    tiff.SetField(TiffTag.ROWSPERSTRIP, 64);
                }
                else
                {
                    tiff.SetField(TiffTag.COMPRESSION, Compression.JPEG);
                    tiff.SetField(TiffTag.JPEGQUALITY, 75);
                    tiff.SetField(TiffTag.ROWSPERSTRIP, 64);
                }
                var row = new byte[page.Width];
                for (var y = 0; y < page.Height; y++)
                {
                    Array.Copy(page.Pixels, y * page.Width, row, 0, page.Width);
                    tiff.WriteScanline(row, y);
                }
            }
            tiff.WriteDirectory();
        }
    }
}

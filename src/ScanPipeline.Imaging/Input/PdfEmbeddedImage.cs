using System.Text;
using ScanPipeline.Imaging.Native;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.Tokens;

namespace ScanPipeline.Imaging.Input;

/// <summary>
/// Takes a scanned PDF page's image straight from the file, without rendering: a DCT image's raw stream is
/// the original JPEG; a Flate (or unfiltered) gray, RGB or bilevel image gives raw samples, wrapped as PNM
/// for leptonica. Anything else (JBIG2, CCITT, JPX, CMYK, palettes, rotated or partial placements)
/// returns null and the page is rasterised instead.
/// </summary>
internal static class PdfEmbeddedImage
{
    /// <summary>The image must cover this share of the page; otherwise the page has more on it than the image.</summary>
    private const double MinPageCoverage = 0.9;

    /// <param name="analysisDpi">0 for OCR; else page analysis wants only about this resolution, and a JPEG image is
    /// decoded reduced (<see cref="ImageDecoder.DecodeJpegForAnalysis"/>).</param>
    public static PageImage? TryExtract(Page page, IPdfImage image, ImagingOptions options, int analysisDpi = 0)
    {
        var box = image.BoundingBox;
        if (page.Rotation.Value != 0 || Math.Abs(box.Rotation) > 0.5 || image.IsImageMask) return null;
        var pageArea = page.Width * page.Height;
        if (pageArea <= 0 || box.Width * box.Height < MinPageCoverage * pageArea) return null;

        int width = image.WidthInSamples, height = image.HeightInSamples;
        ImageDecoder.CheckPixels(width, height, options.MaxPixelsPerPage, $"PDF page {page.Number} image");
        var dpi = (int)Math.Round(width / (box.Width / 72));
        if (dpi is < 70 or > 2400) return null;

        var components = ComponentsOf(image.ColorSpaceDetails);
        if (components is not (1 or 3)) return null;

        var filters = FiltersOf(image.ImageDictionary);
        PageImage? result = null;
        if (filters is ["DCTDecode"] or ["DCT"])
        {
            if (image.NeedsReverseDecode()) return null;
            var jpeg = image.RawMemory.ToArray();
            if (analysisDpi > 0)
            {
                // The JPEG's own density may disagree with its size on the page; the page decides.
                var reduction = ImageDecoder.AnalysisReduction(dpi, analysisDpi);
                dpi /= reduction;
                result = new PageImage(ImageDecoder.DecodeJpegReduced(jpeg, reduction, options.MaxPixelsPerPage, $"PDF page {page.Number} JPEG"), dpi, null);
            }
            else
            {
                var pix = ImageDecoder.Decode(jpeg, options.MaxPixelsPerPage, $"PDF page {page.Number} JPEG");
                result = new PageImage(pix, dpi, ImageDecoder.SamplesPerPixel(jpeg) is 1 or 3 ? jpeg : null);
            }
        }
        else if (filters.All(f => f is "FlateDecode" or "Fl") && image.TryGetBytesAsMemory(out var samples))
        {
            var pnm = ToPnm(samples.Span, width, height, components, image.BitsPerComponent, image.NeedsReverseDecode());
            if (pnm is null) return null;
            result = new PageImage(ImageDecoder.Decode(pnm, options.MaxPixelsPerPage, $"PDF page {page.Number} image"), dpi, null);
        }
        if (result is not null) Leptonica.pixSetResolution(result.Pix, dpi, dpi);
        return result;
    }

    private static int ComponentsOf(ColorSpaceDetails? details) => details switch
    {
        DeviceGrayColorSpaceDetails or CalGrayColorSpaceDetails => 1,
        DeviceRgbColorSpaceDetails or CalRGBColorSpaceDetails => 3,
        ICCBasedColorSpaceDetails icc => icc.NumberOfColorComponents is 1 or 3 ? icc.NumberOfColorComponents : 0,
        _ => 0,
    };

    private static string[] FiltersOf(DictionaryToken dictionary)
    {
        if (!dictionary.TryGet(NameToken.Filter, out var token) && !dictionary.TryGet(NameToken.F, out token)) return [];
        return token switch
        {
            NameToken name => [name.Data],
            ArrayToken array => array.Data.OfType<NameToken>().Select(n => n.Data).ToArray(),
            _ => ["?"],
        };
    }

    /// <summary>Wraps raw samples as binary PNM (P5 gray, P6 RGB, P4 bilevel), or null when the layout is not one of those.</summary>
    internal static byte[]? ToPnm(ReadOnlySpan<byte> samples, int width, int height, int components, int bitsPerComponent, bool reverseDecode)
    {
        string header;
        byte[] pixels;
        if (bitsPerComponent == 8 && components is 1 or 3)
        {
            var length = (long)width * height * components;
            if (samples.Length < length || (components == 3 && reverseDecode)) return null;
            header = $"{(components == 1 ? "P5" : "P6")}\n{width} {height}\n255\n";
            pixels = samples[..(int)length].ToArray();
            if (reverseDecode) Invert(pixels);
        }
        else if (bitsPerComponent == 1 && components == 1)
        {
            var length = (long)(width + 7) / 8 * height;
            if (samples.Length < length) return null;
            header = $"P4\n{width} {height}\n";
            pixels = samples[..(int)length].ToArray();
            // PDF gray: 0 is black. PBM: 1 is black. A /Decode [1 0] already flips the PDF meaning.
            if (!reverseDecode) Invert(pixels);
        }
        else
        {
            return null;
        }

        var pnm = new byte[header.Length + pixels.Length];
        Encoding.ASCII.GetBytes(header, pnm);
        pixels.CopyTo(pnm, header.Length);
        return pnm;
    }

    private static void Invert(Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)~bytes[i];
    }
}

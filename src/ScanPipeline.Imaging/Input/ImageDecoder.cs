using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Input;

/// <summary>
/// Decodes images with leptonica behind the pixel limit: the header is read first, so a decompression bomb
/// is rejected before a single pixel is allocated. Decoder failures come back as NULL and become
/// <see cref="ReasonCodes.CorruptFile"/>.
/// </summary>
internal static unsafe class ImageDecoder
{
    /// <summary>Resolution used when an image carries none (or an implausible one).</summary>
    public const int DefaultDpi = 300;

    /// <summary>Reads the header of a PNG, JPEG, PNM or TIFF and applies the pixel limit, decoding nothing.</summary>
    public static void CheckHeader(ReadOnlySpan<byte> data, long maxPixels, string what)
    {
        if (data.IsEmpty) throw new PermanentProcessingException(ReasonCodes.EmptyFile, $"{what} is empty.");
        if ((ImageDimensions.OfPng(data) ?? ImageDimensions.OfJpeg(data)) is { } declared)
            CheckPixels(declared.Width, declared.Height, maxPixels, what);
        fixed (byte* bytes = data)
        {
            if (Leptonica.pixReadHeaderMem(bytes, (nuint)data.Length, out _, out var width, out var height, out _, out _, out _) != 0)
                throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"{what}: the image header cannot be read.");
            CheckPixels(width, height, maxPixels, what);
        }
    }

    /// <summary>Like <see cref="CheckHeader"/> for TIFF page <paramref name="pageIndex"/> (0-based).</summary>
    public static void CheckTiffHeader(ReadOnlySpan<byte> data, int pageIndex, long maxPixels, string what)
    {
        fixed (byte* bytes = data)
        {
            if (Leptonica.readHeaderMemTiff(bytes, (nuint)data.Length, pageIndex, out var width, out var height,
                    out _, out _, out _, out _, out _) != 0)
                throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"{what}: the TIFF header cannot be read.");
            CheckPixels(width, height, maxPixels, what);
        }
    }

    /// <summary>Decodes a PNG, JPEG, PNM or single-page TIFF after <see cref="CheckHeader"/>.</summary>
    public static PixHandle Decode(ReadOnlySpan<byte> data, long maxPixels, string what)
    {
        CheckHeader(data, maxPixels, what);
        fixed (byte* bytes = data)
        {
            return Finish(Leptonica.pixReadMem(bytes, (nuint)data.Length), what);
        }
    }

    /// <summary>
    /// Decodes a JPEG for page analysis at the coarsest of libjpeg's DCT reductions (1, 2, 4, 8) that still keeps
    /// about <paramref name="targetDpi"/>, after <see cref="CheckHeader"/>. The resolution of the result is set to
    /// the reduced one (an undeclared resolution counts as <see cref="DefaultDpi"/>).
    /// </summary>
    public static PageImage DecodeJpegForAnalysis(ReadOnlySpan<byte> data, int targetDpi, long maxPixels, string what)
    {
        CheckHeader(data, maxPixels, what);
        fixed (byte* bytes = data)
        {
            var declared = Leptonica.readResolutionMemJpeg(bytes, (nuint)data.Length, out var x, out var y) == 0
                           && IsPlausibleResolution(Math.Max(x, y));
            var dpi = declared ? Math.Max(x, y) : DefaultDpi;
            var reduction = AnalysisReduction(dpi, targetDpi);
            var pix = ReadJpegReduced(bytes, data.Length, reduction, what);
            Leptonica.pixSetResolution(pix, dpi / reduction, dpi / reduction);
            return new PageImage(pix, dpi / reduction, originalJpeg: null, declared);
        }
    }

    /// <summary>Decodes a JPEG reduced by <paramref name="reduction"/> (1, 2, 4 or 8) inside libjpeg's DCT, after <see cref="CheckHeader"/>.</summary>
    public static PixHandle DecodeJpegReduced(ReadOnlySpan<byte> data, int reduction, long maxPixels, string what)
    {
        CheckHeader(data, maxPixels, what);
        fixed (byte* bytes = data)
        {
            return ReadJpegReduced(bytes, data.Length, reduction, what);
        }
    }

    private static PixHandle ReadJpegReduced(byte* bytes, int length, int reduction, string what) =>
        Finish(Leptonica.pixReadMemJpeg(bytes, (nuint)length, 0, reduction, out _, 0), what);

    /// <summary>The largest DCT reduction (1, 2, 4 or 8) that keeps at least 90 % of <paramref name="targetDpi"/>.</summary>
    public static int AnalysisReduction(int dpi, int targetDpi)
    {
        var reduction = 1;
        while (reduction < 8 && dpi / (reduction * 2.0) >= targetDpi * 0.9) reduction *= 2;
        return reduction;
    }

    /// <summary>Decodes page <paramref name="pageIndex"/> (0-based) of a TIFF after <see cref="CheckTiffHeader"/>.</summary>
    public static PixHandle DecodeTiffPage(ReadOnlySpan<byte> data, int pageIndex, long maxPixels, string what)
    {
        CheckTiffHeader(data, pageIndex, maxPixels, what);
        fixed (byte* bytes = data)
        {
            return Finish(Leptonica.pixReadMemTiff(bytes, (nuint)data.Length, pageIndex), what);
        }
    }

    /// <summary>Samples per pixel from the header (1 gray, 3 RGB, 4 CMYK or alpha), or 0 when unreadable.</summary>
    public static int SamplesPerPixel(ReadOnlySpan<byte> data)
    {
        fixed (byte* bytes = data)
        {
            return Leptonica.pixReadHeaderMem(bytes, (nuint)data.Length, out _, out _, out _, out _, out var spp, out _) == 0 ? spp : 0;
        }
    }

    public static void CheckPixels(long width, long height, long maxPixels, string what)
    {
        if (width <= 0 || height <= 0)
            throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"{what}: the image has no pixels ({width} x {height}).");
        if (width * height > maxPixels)
            throw new PermanentProcessingException(ReasonCodes.TooManyPixels,
                $"{what}: {width} x {height} pixels exceed the limit of {maxPixels:N0} pixels per page.");
    }

    /// <summary>The image's resolution when plausible, else <see cref="DefaultDpi"/>.</summary>
    public static int ResolutionOf(PixHandle pix) => HasDeclaredResolution(pix) ? Math.Max(pix.XResolution, pix.YResolution) : DefaultDpi;

    /// <summary>Whether the file declared a plausible resolution (70-2400 dpi); many photos and some scans declare none.</summary>
    public static bool HasDeclaredResolution(PixHandle pix) => IsPlausibleResolution(Math.Max(pix.XResolution, pix.YResolution));

    private static bool IsPlausibleResolution(int dpi) => dpi is >= 70 and <= 2400;

    private static PixHandle Finish(PixHandle pix, string what)
    {
        if (pix.IsInvalid)
        {
            pix.Dispose();
            throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"{what}: the image data cannot be decoded.");
        }
        if (pix.Depth != 32 || pix.SamplesPerPixel != 4) return pix;

        // An alpha channel (PNG, TIFF) is blended onto white; Tesseract would otherwise read transparent as black.
        using (pix)
        {
            var flattened = Leptonica.pixRemoveAlpha(pix);
            if (flattened.IsInvalid)
            {
                flattened.Dispose();
                throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"{what}: the alpha channel cannot be removed.");
            }
            return flattened;
        }
    }
}

using System.Runtime.InteropServices;
using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Preparation;

/// <summary>Tesseract's verdict on a page: how far it was turned clockwise, and how sure OSD is.</summary>
internal readonly record struct DetectedOrientation(int TurnedDegrees, double Confidence, string Script)
{
    /// <summary>Quarter turns clockwise that bring the page upright (for <see cref="Leptonica.pixRotateOrth"/>).</summary>
    public int QuarterTurnsToUpright => (4 - TurnedDegrees / 90) % 4;
}

/// <summary>
/// A second, small Tesseract engine loaded with osd.traineddata (orientation and script detection, about 10 MB)
/// next to the recognition engine of one OCR thread. OSD classifies a few hundred characters in each of the four
/// orientations; on an A4 page at 300 dpi that takes 0.1 to 0.3 s, so it is only asked when a page reads badly.
/// Not thread-safe: it belongs to one engine thread.
/// </summary>
internal sealed class OrientationDetector : IDisposable
{
    public const string OsdLanguage = "osd";

    private readonly TessBaseApiHandle api;

    private OrientationDetector(TessBaseApiHandle api) => this.api = api;

    public static OrientationDetector Create(string tessdataPath) =>
        new(TesseractApi.CreateInitialised(tessdataPath, OsdLanguage, TesseractApi.PageSegModeOsdOnly, $"'{OsdLanguage}' (orientation detection)"));

    /// <summary>Pages scanned at this resolution or more are checked on a half-size copy (0: unknown, checked at full size).</summary>
    public const int HalfSizeFromDpi = 240;

    /// <summary>
    /// The page's orientation, or null when OSD found too little text to decide. A page of 240 dpi or more is checked
    /// on a half-size copy: letters are still 20 pixels high there, and OSD takes a quarter less time (with the same
    /// verdicts on the sample letters turned every way and made noisy, blurred or JPEG-damaged).
    /// </summary>
    public DetectedOrientation? Detect(PixHandle pix, int dpi)
    {
        using var half = dpi >= HalfSizeFromDpi ? (pix.Depth == 1 ? Leptonica.pixScaleToGray2(pix) : Leptonica.pixScale(pix, 0.5f, 0.5f)) : null;
        var usable = half is { IsInvalid: false };
        try
        {
            TesseractApi.TessBaseAPISetImage2(api, usable ? half! : pix);
            TesseractApi.TessBaseAPISetSourceResolution(api, usable ? dpi / 2 : dpi);
            if (TesseractApi.TessBaseAPIDetectOrientationScript(api, out var degrees, out var confidence, out var script, out _) == 0)
                return null;
            if (degrees is not (0 or 90 or 180 or 270)) return null;
            return new DetectedOrientation(degrees, confidence, Marshal.PtrToStringUTF8(script) ?? "");
        }
        finally
        {
            TesseractApi.TessBaseAPIClear(api);
        }
    }

    public void Dispose() => api.Dispose();
}

using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Preparation;

/// <summary>
/// Finds a page's skew with leptonica (a sweep over the allowed range on a reduced 1-bpp copy, then a binary
/// search) and rotates the page back. The page keeps its size, so it stays the paper size it was scanned at.
/// </summary>
internal static class Deskewer
{
    /// <summary>Grey level below which a pixel counts as ink for the skew search (leptonica's own default).</summary>
    private const int InkThreshold = 130;

    /// <summary>Below this ratio of best to mean alignment score the search found no text lines to trust (leptonica's default).</summary>
    private const float MinConfidence = 3.0f;

    private const int SweepReduction = 4;
    private const int SearchReduction = 2;
    private const float SweepStepDegrees = 1.0f;
    private const float SweepMarginDegrees = 2.0f;

    /// <summary>Grey and colour pages of this many pixels or more are rotated by shears, smaller ones interpolated.</summary>
    public const long ShearFromPixels = 4_000_000;
    private const float SearchPrecisionDegrees = 0.01f;

    /// <summary>
    /// Measures the skew of <paramref name="pix"/>. Returns the angle (degrees, clockwise positive) when it is
    /// trustworthy and between <paramref name="minDegrees"/> and <paramref name="maxDegrees"/>, else 0.
    /// </summary>
    public static double FindSkew(PixHandle pix, double minDegrees, double maxDegrees)
    {
        using var binary = pix.Depth == 1 ? null : Leptonica.pixConvertTo1(pix, InkThreshold);
        if (binary is { IsInvalid: true }) return 0;
        var target = binary ?? pix;
        // leptonica reports no confidence for a best angle near the edge of its sweep, so the sweep reaches two
        // degrees past the limit; angles beyond the limit are refused below.
        if (Leptonica.pixFindSkewSweepAndSearch(target, out var angle, out var confidence, SweepReduction, SearchReduction,
                (float)maxDegrees + SweepMarginDegrees, SweepStepDegrees, SearchPrecisionDegrees) != 0)
            return 0;
        if (confidence < MinConfidence || Math.Abs(angle) < minDegrees || Math.Abs(angle) > maxDegrees) return 0;
        return angle;
    }

    /// <summary>
    /// A copy of <paramref name="pix"/> rotated by <paramref name="degrees"/> (as measured by <see cref="FindSkew"/>), or
    /// null if leptonica fails. Bitonal pages and large grey or colour pages (<see cref="ShearFromPixels"/> and more; A4 at
    /// 300 dpi has 8.7 million) are rotated by shears, which move whole pixels: 4-8 ms on an A4 grey page at 300 dpi against
    /// 45-50 ms for interpolation, and they read just as well (AccuracyComparisonTests), because the 1-pixel steps are
    /// small against the letters. Small or low-resolution grey and colour pages (receipts, 150-dpi scans) are
    /// interpolated (area mapping): there the steps cost words, and the pages are small enough for it to be cheap.
    /// </summary>
    public static PixHandle? Rotate(PixHandle pix, double degrees)
    {
        var shear = pix.Depth == 1 || (long)pix.Width * pix.Height >= ShearFromPixels;
        var rotated = Leptonica.pixRotate(pix, (float)(degrees * Math.PI / 180), shear ? Leptonica.RotateShear : Leptonica.RotateAreaMap,
            Leptonica.BringInWhite, 0, 0);
        if (!rotated.IsInvalid) return rotated;
        rotated.Dispose();
        return null;
    }
}

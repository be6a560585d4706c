using System.Runtime.InteropServices;

namespace ScanPipeline.Imaging.Native;

/// <summary>
/// Leptonica calls for page preparation: turning a page by quarter turns, finding and removing skew, reducing a
/// copy for orientation detection. Every
/// call returns a new Pix (or NULL on failure, wrapped as an invalid handle); the input stays the caller's.
/// </summary>
internal static unsafe partial class Leptonica
{
    /// <summary><see cref="pixRotate"/>: interpolates grey and colour pixels; smooth, about ten times slower than shears.</summary>
    public const int RotateAreaMap = 1;

    /// <summary><see cref="pixRotate"/>: three shears that move whole pixels; fast, keeps the depth (a 1-bpp page stays 1 bpp).</summary>
    public const int RotateShear = 2;

    /// <summary><see cref="pixRotate"/>: pixels uncovered by the rotation become white (paper).</summary>
    public const int BringInWhite = 1;

    /// <summary>Rotates by <paramref name="quads"/> quarter turns clockwise (0 to 3); lossless.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixRotateOrth(PixHandle pix, int quads);

    /// <summary>
    /// Rotates by <paramref name="radians"/> (clockwise positive) about the centre. A width and height of 0 keep
    /// the page size, so the page stays the paper size it was scanned at.
    /// </summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixRotate(PixHandle pix, float radians, int type, int inColor, int width, int height);

    /// <summary>A scaled copy; reductions of grey and colour pages average the pixels they merge.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixScale(PixHandle pix, float scaleX, float scaleY);

    /// <summary>A 1-bpp page at half size as 8-bpp grey: thin strokes survive the reduction as grey instead of vanishing.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixScaleToGray2(PixHandle pix);

    /// <summary>A 1-bpp copy: grey values below <paramref name="threshold"/> become ink; colour and colormaps are converted first.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixConvertTo1(PixHandle pix, int threshold);

    /// <summary>
    /// Finds the skew of a 1-bpp page: a coarse sweep over ±<paramref name="sweepRange"/> degrees on a copy reduced by
    /// <paramref name="sweepReduction"/>, then a binary search on one reduced by <paramref name="searchReduction"/>.
    /// <paramref name="confidence"/> is the ratio of the best to the mean line-alignment score; 0 when nothing was found.
    /// </summary>
    /// <returns>0 on success.</returns>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixFindSkewSweepAndSearch(PixHandle pix, out float angle, out float confidence,
        int sweepReduction, int searchReduction, float sweepRange, float sweepDelta, float minSearchDelta);
}

using System.Runtime.InteropServices;

namespace ScanPipeline.Imaging.Native;

/// <summary>Leptonica calls of page analysis: a small 8-bit grey copy of any page, and access to its pixels.</summary>
internal static unsafe partial class Leptonica
{
    /// <summary>Any depth to 8-bit grey without a colormap (1 bpp: white 255, black 0; RGB: luminance). A new Pix.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixConvertTo8(PixHandle pix, int colormapFlag);

    /// <summary>1 bpp to an anti-aliased 8-bit grey image scaled by <paramref name="scaleFactor"/> (0 &lt; f &lt; 1). A new Pix.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixScaleToGray(PixHandle pix, float scaleFactor);

    /// <summary>Downscales 8 or 32 bpp by area mapping (every source pixel counts, so thin strokes survive). A new Pix.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixScaleAreaMap(PixHandle pix, float scaleX, float scaleY);

    /// <summary>The pixel words: rows of <see cref="pixGetWpl"/> 32-bit words, bytes in big-endian order within a word.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial uint* pixGetData(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixGetWpl(PixHandle pix);

    /// <summary>
    /// Decodes a JPEG reduced by 1, 2, 4 or 8 inside libjpeg's DCT: a 300-dpi page read at 150 dpi costs a
    /// fraction of a full decode plus a downscale. A new Pix, invalid on failure.
    /// </summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixReadMemJpeg(byte* data, nuint size, int colormapFlag, int reduction, out int warnings, int hint);

    /// <summary>The resolution a JPEG declares (JFIF density), 0 when none; returns non-zero on error.</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int readResolutionMemJpeg(byte* data, nuint size, out int xResolution, out int yResolution);
}

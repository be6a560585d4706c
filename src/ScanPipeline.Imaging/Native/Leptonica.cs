using System.Runtime.InteropServices;

namespace ScanPipeline.Imaging.Native;

/// <summary>
/// Leptonica calls for decoding scans. Every decoder returns NULL on bad input (wrapped here as an invalid
/// handle), never aborts: callers check <see cref="SafeHandle.IsInvalid"/>.
/// </summary>
internal static unsafe partial class Leptonica
{
    static Leptonica() => NativeLibraries.EnsureResolverRegistered();

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixReadMem(byte* data, nuint size);

    /// <summary>Decodes TIFF page <paramref name="pageIndex"/> (0-based).</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixReadMemTiff(byte* data, nuint size, int pageIndex);

    /// <returns>0 on success. Reads only the header: size, depth and format without decoding pixels.</returns>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixReadHeaderMem(byte* data, nuint size, out int format, out int width, out int height,
        out int bitsPerSample, out int samplesPerPixel, out int isColormapped);

    /// <returns>0 on success. Header of TIFF page <paramref name="pageIndex"/> (0-based).</returns>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int readHeaderMemTiff(byte* data, nuint size, int pageIndex, out int width, out int height,
        out int bitsPerSample, out int samplesPerPixel, out int resolution, out int isColormapped, out int format);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial void pixDestroy(ref IntPtr pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixGetWidth(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixGetHeight(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixGetDepth(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixGetSpp(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixGetXRes(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixGetYRes(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial int pixSetResolution(PixHandle pix, int xres, int yres);

    /// <summary>Blends an alpha channel onto white; returns a new Pix (a clone when there is no alpha).</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    public static partial PixHandle pixRemoveAlpha(PixHandle pix);
}

/// <summary>Owns one reference to a leptonica Pix.</summary>
internal sealed class PixHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    public int Width => Leptonica.pixGetWidth(this);
    public int Height => Leptonica.pixGetHeight(this);
    public int Depth => Leptonica.pixGetDepth(this);
    public int SamplesPerPixel => Leptonica.pixGetSpp(this);
    public int XResolution => Leptonica.pixGetXRes(this);
    public int YResolution => Leptonica.pixGetYRes(this);

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        Leptonica.pixDestroy(ref pix);
        return true;
    }
}

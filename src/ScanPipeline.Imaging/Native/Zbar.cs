using System.Runtime.InteropServices;

namespace ScanPipeline.Imaging.Native;

/// <summary>
/// libzbar (Debian's libzbar0), in-process: an image scanner over an 8-bit grey ("Y800") buffer. Only the calls
/// barcode reading needs. The library is loaded by its versioned name, which is all a runtime-only machine has.
/// </summary>
internal static partial class Zbar
{
    public const string Library = "libzbar.so.0";

    /// <summary>zbar_symbol_type_t values of the symbologies separator sheets use.</summary>
    public const int SymbolNone = 0;
    public const int SymbolCode39 = 39;
    public const int SymbolQrCode = 64;
    public const int SymbolCode128 = 128;

    /// <summary>zbar_config_t: enable a symbology.</summary>
    public const int ConfigEnable = 0;

    /// <summary>zbar_config_t: scan every n-th column / row (ZBAR_CFG_X_DENSITY, ZBAR_CFG_Y_DENSITY).</summary>
    public const int ConfigXDensity = 0x100;
    public const int ConfigYDensity = 0x101;

    /// <summary>The fourcc of 8-bit grey, one byte per pixel, rows packed.</summary>
    public const uint FourccY800 = 'Y' | ('8' << 8) | ('0' << 16) | ('0' << 24);

    [LibraryImport(Library)]
    public static partial IntPtr zbar_image_scanner_create();

    [LibraryImport(Library)]
    public static partial void zbar_image_scanner_destroy(IntPtr scanner);

    /// <returns>0 on success.</returns>
    [LibraryImport(Library)]
    public static partial int zbar_image_scanner_set_config(IntPtr scanner, int symbology, int config, int value);

    [LibraryImport(Library)]
    public static partial IntPtr zbar_image_create();

    [LibraryImport(Library)]
    public static partial void zbar_image_destroy(IntPtr image);

    [LibraryImport(Library)]
    public static partial void zbar_image_set_format(IntPtr image, nuint fourcc);

    [LibraryImport(Library)]
    public static partial void zbar_image_set_size(IntPtr image, uint width, uint height);

    /// <summary>With a null cleanup handler zbar never frees <paramref name="data"/>: the caller owns (and pins) it.</summary>
    [LibraryImport(Library)]
    public static partial void zbar_image_set_data(IntPtr image, IntPtr data, nuint length, IntPtr cleanup);

    /// <returns>The number of symbols found, or -1 on error.</returns>
    [LibraryImport(Library)]
    public static partial int zbar_scan_image(IntPtr scanner, IntPtr image);

    [LibraryImport(Library)]
    public static partial IntPtr zbar_image_first_symbol(IntPtr image);

    [LibraryImport(Library)]
    public static partial IntPtr zbar_symbol_next(IntPtr symbol);

    [LibraryImport(Library)]
    public static partial int zbar_symbol_get_type(IntPtr symbol);

    /// <summary>The decoded bytes; owned by the image, valid until it is destroyed.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr zbar_symbol_get_data(IntPtr symbol);

    [LibraryImport(Library)]
    public static partial uint zbar_symbol_get_data_length(IntPtr symbol);

    /// <summary>True when libzbar can be loaded on this machine.</summary>
    public static bool IsAvailable()
    {
        if (!NativeLibrary.TryLoad(Library, out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }
}

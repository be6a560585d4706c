using System.Runtime.InteropServices;
using System.Text;
using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Analysis;

/// <summary>
/// Reads QR codes, Code 128 and Code 39 with zbar, in-process, from the grey analysis copy of a page. Other
/// symbologies are switched off: they cost time and only produce false reads on text.
/// </summary>
public static class BarcodeReader
{
    private static readonly int[] Symbologies = [Zbar.SymbolQrCode, Zbar.SymbolCode128, Zbar.SymbolCode39];

    /// <summary>True when libzbar can be loaded (Debian package libzbar0).</summary>
    public static bool IsAvailable => Zbar.IsAvailable();

    /// <returns>The decoded contents, in the order zbar reports them, without duplicates.</returns>
    public static IReadOnlyList<string> Read(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scanner = Zbar.zbar_image_scanner_create();
        if (scanner == IntPtr.Zero) throw new InvalidOperationException("zbar could not create an image scanner.");
        var zimage = IntPtr.Zero;
        var pin = GCHandle.Alloc(image.Pixels, GCHandleType.Pinned);
        try
        {
            Zbar.zbar_image_scanner_set_config(scanner, Zbar.SymbolNone, Zbar.ConfigEnable, 0);
            foreach (var symbology in Symbologies) Zbar.zbar_image_scanner_set_config(scanner, symbology, Zbar.ConfigEnable, 1);

            zimage = Zbar.zbar_image_create();
            if (zimage == IntPtr.Zero) throw new InvalidOperationException("zbar could not create an image.");
            Zbar.zbar_image_set_format(zimage, Zbar.FourccY800);
            Zbar.zbar_image_set_size(zimage, (uint)image.Width, (uint)image.Height);
            Zbar.zbar_image_set_data(zimage, pin.AddrOfPinnedObject(), (nuint)image.Pixels.Length, IntPtr.Zero);
            if (Zbar.zbar_scan_image(scanner, zimage) <= 0) return [];

            var found = new List<string>();
            for (var symbol = Zbar.zbar_image_first_symbol(zimage); symbol != IntPtr.Zero; symbol = Zbar.zbar_symbol_next(symbol))
            {
                var length = (int)Zbar.zbar_symbol_get_data_length(symbol);
                var data = Zbar.zbar_symbol_get_data(symbol);
                if (data == IntPtr.Zero || length == 0) continue;
                var bytes = new byte[length];
                Marshal.Copy(data, bytes, 0, length);
                var text = Encoding.UTF8.GetString(bytes);
                if (!found.Contains(text, StringComparer.Ordinal)) found.Add(text);
            }
            return found;
        }
        finally
        {
            if (zimage != IntPtr.Zero)
            {
                Zbar.zbar_image_set_data(zimage, IntPtr.Zero, 0, IntPtr.Zero);
                Zbar.zbar_image_destroy(zimage);
            }
            Zbar.zbar_image_scanner_destroy(scanner);
            pin.Free();
        }
    }
}

using System.Runtime.CompilerServices;
using ScanPipeline.Core.Documents;
using ScanPipeline.Imaging.Input;
using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Analysis;

/// <summary>
/// Makes the analysis copy of a decoded page: 8-bit grey at about <c>targetDpi</c> (150 dpi still finds every
/// separator code and costs a quarter of the pixels), anti-aliased so that thin pen strokes survive.
/// </summary>
internal static unsafe class AnalysisImage
{
    public static GrayImage From(PageImage page, int targetDpi)
    {
        var scale = Math.Min(1.0, (double)targetDpi / page.Dpi);
        // Within 10 % of the target the page is used at its own resolution: a rescale would cost more than it saves.
        if (scale > 0.9) scale = 1.0;
        using var small = Reduce(page.Pix, (float)scale);
        var dpi = Math.Max(1, (int)Math.Round(page.Dpi * scale));
        return Copy(small, dpi);
    }

    private static PixHandle Reduce(PixHandle pix, float scale)
    {
        if (pix.Depth == 1 && scale < 1)
            return Check(Leptonica.pixScaleToGray(pix, scale), "scale the bitonal page to grey");
        var gray = Check(Leptonica.pixConvertTo8(pix, 0), "convert the page to grey");
        if (scale >= 1) return gray;
        using (gray) return Check(Leptonica.pixScaleAreaMap(gray, scale, scale), "downscale the page");
    }

    private static PixHandle Check(PixHandle pix, string what)
    {
        if (!pix.IsInvalid) return pix;
        pix.Dispose();
        throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"Page analysis could not {what}.");
    }

    /// <summary>Leptonica keeps 8-bit pixels in 32-bit words, most significant byte first: on little-endian x86 byte x is at x ^ 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static GrayImage Copy(PixHandle pix, int dpi)
    {
        if (pix.Depth != 8) throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"Page analysis expected 8-bit grey, got {pix.Depth} bits.");
        int width = pix.Width, height = pix.Height, wpl = Leptonica.pixGetWpl(pix);
        var data = (byte*)Leptonica.pixGetData(pix);
        if (data is null || width < 1 || height < 1) throw new PermanentProcessingException(ReasonCodes.CorruptFile, "Page analysis got an empty image.");
        var pixels = new byte[width * height];
        var swap = BitConverter.IsLittleEndian ? 3 : 0;
        for (var y = 0; y < height; y++)
        {
            var line = data + (long)y * wpl * 4;
            var row = y * width;
            for (var x = 0; x < width; x++) pixels[row + x] = line[x ^ swap];
        }
        return new GrayImage(width, height, dpi, pixels);
    }
}

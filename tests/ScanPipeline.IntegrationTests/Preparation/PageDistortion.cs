using System.Runtime.InteropServices;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>
/// Makes hard variants of a clean page with leptonica, as a scanner and a careless operator would: turned by quarter
/// turns, skewed, speckled, blurred, JPEG-compressed. Input and output are encoded image files (PNG, or JPEG for the
/// JPEG variant), so the recognizer and the plain tesseract CLI get exactly the same bytes. Deterministic: the same
/// page and variant always give the same file.
/// </summary>
/// <remarks>
/// The functions are looked up in the library by name (function pointers), so the test assembly needs no
/// DllImport resolver of its own and shares none with the product.
/// </remarks>
internal static unsafe class PageDistortion
{
    private const int RotateAreaMap = 1;
    private const int RotateShear = 2;
    private const int BringInWhite = 1;

    private static readonly IntPtr Library = LoadLeptonica();

    private static readonly delegate* unmanaged<byte*, nuint, IntPtr> PixReadMem = (delegate* unmanaged<byte*, nuint, IntPtr>)Export("pixReadMem");
    private static readonly delegate* unmanaged<IntPtr*, void> PixDestroy = (delegate* unmanaged<IntPtr*, void>)Export("pixDestroy");
    private static readonly delegate* unmanaged<IntPtr, int> PixGetDepth = (delegate* unmanaged<IntPtr, int>)Export("pixGetDepth");
    private static readonly delegate* unmanaged<IntPtr, int> PixGetWidth = (delegate* unmanaged<IntPtr, int>)Export("pixGetWidth");
    private static readonly delegate* unmanaged<IntPtr, int> PixGetHeight = (delegate* unmanaged<IntPtr, int>)Export("pixGetHeight");
    private static readonly delegate* unmanaged<IntPtr, int, IntPtr> PixRotateOrth = (delegate* unmanaged<IntPtr, int, IntPtr>)Export("pixRotateOrth");
    private static readonly delegate* unmanaged<IntPtr, float, int, int, int, int, IntPtr> PixRotate =
        (delegate* unmanaged<IntPtr, float, int, int, int, int, IntPtr>)Export("pixRotate");
    private static readonly delegate* unmanaged<IntPtr, int, IntPtr> PixConvertTo8 = (delegate* unmanaged<IntPtr, int, IntPtr>)Export("pixConvertTo8");
    private static readonly delegate* unmanaged<IntPtr, IntPtr, IntPtr> PixCopy = (delegate* unmanaged<IntPtr, IntPtr, IntPtr>)Export("pixCopy");
    private static readonly delegate* unmanaged<IntPtr, uint*> PixGetData = (delegate* unmanaged<IntPtr, uint*>)Export("pixGetData");
    private static readonly delegate* unmanaged<IntPtr, int> PixGetWpl = (delegate* unmanaged<IntPtr, int>)Export("pixGetWpl");
    private static readonly delegate* unmanaged<IntPtr, int, int, IntPtr> PixBlockconv = (delegate* unmanaged<IntPtr, int, int, IntPtr>)Export("pixBlockconv");
    private static readonly delegate* unmanaged<IntPtr, int, int, uint, int> PixSetPixel = (delegate* unmanaged<IntPtr, int, int, uint, int>)Export("pixSetPixel");
    private static readonly delegate* unmanaged<byte**, nuint*, IntPtr, float, int> PixWriteMemPng =
        (delegate* unmanaged<byte**, nuint*, IntPtr, float, int>)Export("pixWriteMemPng");
    private static readonly delegate* unmanaged<byte**, nuint*, IntPtr, int, int, int> PixWriteMemJpeg =
        (delegate* unmanaged<byte**, nuint*, IntPtr, int, int, int>)Export("pixWriteMemJpeg");
    private static readonly delegate* unmanaged<void*, void> LeptFree = (delegate* unmanaged<void*, void>)Export("lept_free");

    /// <summary>Turns the page clockwise by <paramref name="quarterTurns"/> × 90° (as if fed sideways or upside down).</summary>
    public static byte[] Turn(byte[] image, int quarterTurns) => Transform(image, pix => PixRotateOrth(pix, quarterTurns));

    /// <summary>Skews the page by <paramref name="degrees"/> (clockwise positive), keeping its size, paper white where uncovered.</summary>
    public static byte[] Skew(byte[] image, double degrees) => Transform(image, pix =>
        PixRotate(pix, (float)(degrees * Math.PI / 180), PixGetDepth(pix) == 1 ? RotateShear : RotateAreaMap, BringInWhite, 0, 0));

    /// <summary>Grey grain (Gaussian, σ in grey levels) plus dark specks and white drop-outs of 2×2 pixels on <paramref name="speckFraction"/> of the page.</summary>
    public static byte[] Speckle(byte[] image, double sigma, double speckFraction, int seed) => Transform(image, pix =>
    {
        var grey = Gray(pix);
        try
        {
            var noisy = PixCopy(IntPtr.Zero, grey);
            var random = new Random(seed);
            int width = PixGetWidth(noisy), height = PixGetHeight(noisy);
            AddGrain(noisy, width, height, sigma, random);
            var specks = (int)(width * (long)height * speckFraction / 4);
            for (var i = 0; i < specks; i++)
            {
                int x = random.Next(width - 1), y = random.Next(height - 1);
                var value = random.Next(3) == 0 ? 255u : (uint)random.Next(0, 60);
                PixSetPixel(noisy, x, y, value);
                PixSetPixel(noisy, x + 1, y, value);
                PixSetPixel(noisy, x, y + 1, value);
                PixSetPixel(noisy, x + 1, y + 1, value);
            }
            return noisy;
        }
        finally
        {
            Destroy(grey);
        }
    });

    /// <summary>
    /// Gaussian grain from a seeded generator (leptonica's own pixAddGaussianNoise uses the unseeded C rand(), so its
    /// noise would differ from run to run). An 8-bpp pixel x of a line lives in byte x ^ 3 of its 32-bit words.
    /// </summary>
    private static void AddGrain(IntPtr pix, int width, int height, double sigma, Random random)
    {
        var data = (byte*)PixGetData(pix);
        var bytesPerLine = PixGetWpl(pix) * 4;
        for (var y = 0; y < height; y++)
        {
            var line = data + (long)y * bytesPerLine;
            for (var x = 0; x < width; x++)
            {
                // Box-Muller: one standard normal sample from two uniform ones.
                var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                ref var value = ref line[x ^ 3];
                value = (byte)Math.Clamp(value + sigma * normal, 0, 255);
            }
        }
    }

    /// <summary>A box blur of (2r+1)² pixels, like an out-of-focus or dusty scanner.</summary>
    public static byte[] Blur(byte[] image, int radius) => Transform(image, pix =>
    {
        var grey = Gray(pix);
        try
        {
            return PixBlockconv(grey, radius, radius);
        }
        finally
        {
            Destroy(grey);
        }
    });

    /// <summary>The page as a grey JPEG of poor <paramref name="quality"/> (blocking and ringing around the letters).</summary>
    public static byte[] Jpeg(byte[] image, int quality)
    {
        var pix = Read(image);
        var grey = Gray(pix);
        try
        {
            byte* data = null;
            nuint size = 0;
            if (PixWriteMemJpeg(&data, &size, grey, quality, 0) != 0 || data is null)
                throw new InvalidOperationException("pixWriteMemJpeg failed");
            try { return new ReadOnlySpan<byte>(data, checked((int)size)).ToArray(); }
            finally { LeptFree(data); }
        }
        finally
        {
            Destroy(grey);
            Destroy(pix);
        }
    }

    private static IntPtr Gray(IntPtr pix)
    {
        var grey = PixConvertTo8(pix, 0);
        return grey != IntPtr.Zero ? grey : throw new InvalidOperationException("pixConvertTo8 failed");
    }

    /// <summary>Decodes, applies <paramref name="change"/> (which returns a new Pix) and encodes the result as PNG.</summary>
    private static byte[] Transform(byte[] image, Func<IntPtr, IntPtr> change)
    {
        var pix = Read(image);
        var changed = IntPtr.Zero;
        try
        {
            changed = change(pix);
            if (changed == IntPtr.Zero) throw new InvalidOperationException("leptonica returned no image");
            byte* data = null;
            nuint size = 0;
            if (PixWriteMemPng(&data, &size, changed, 0f) != 0 || data is null) throw new InvalidOperationException("pixWriteMemPng failed");
            try { return new ReadOnlySpan<byte>(data, checked((int)size)).ToArray(); }
            finally { LeptFree(data); }
        }
        finally
        {
            Destroy(changed);
            Destroy(pix);
        }
    }

    private static IntPtr Read(byte[] image)
    {
        fixed (byte* bytes = image)
        {
            var pix = PixReadMem(bytes, (nuint)image.Length);
            return pix != IntPtr.Zero ? pix : throw new InvalidOperationException("pixReadMem could not decode the image");
        }
    }

    private static void Destroy(IntPtr pix)
    {
        if (pix != IntPtr.Zero) PixDestroy(&pix);
    }

    private static IntPtr Export(string name) => NativeLibrary.GetExport(Library, name);

    private static IntPtr LoadLeptonica()
    {
        // leptonica pulls in libgomp: OMP_THREAD_LIMIT must be in the native environment before it loads.
        ScanPipeline.Imaging.Ocr.OcrRuntime.PrepareEnvironment();
        foreach (var name in new[] { "liblept.so.5", "libleptonica.so.6", "liblept.so" })
            if (NativeLibrary.TryLoad(name, out var handle)) return handle;
        throw new DllNotFoundException("leptonica (liblept.so.5 or libleptonica.so.6) is not installed.");
    }
}

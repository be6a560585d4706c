namespace ScanPipeline.Imaging.Analysis;

/// <summary>
/// An 8-bit grey image in managed memory (0 black, 255 white, rows packed without padding) and its resolution:
/// the small copy of a page that blank detection and barcode reading look at.
/// </summary>
public sealed class GrayImage
{
    public GrayImage(int width, int height, int dpi, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 1);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)width * height)
            throw new ArgumentException($"Expected {width} x {height} pixels, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Dpi = dpi;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public int Dpi { get; }
    public byte[] Pixels { get; }

    /// <summary>Millimetres per pixel side.</summary>
    public double MillimetresPerPixel => 25.4 / Dpi;
}

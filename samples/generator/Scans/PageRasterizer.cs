using SkiaSharp;
using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Scans;

/// <summary>A rendered page: 8-bit grey pixels, 0 = black, row by row.</summary>
public sealed class GrayPage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public byte[] Pixels { get; } = pixels;
}

/// <summary>
/// Renders a laid-out page at 300 dpi (2480 × 3508 px) and makes it look scanned: slight skew, grey paper,
/// mild blur, grain, specks and dust, sometimes a shadow at the scanner's edge; bitonal pages are thresholded.
/// </summary>
public static class PageRasterizer
{
    public const int Dpi = 300;
    public const int Width = 2480;
    public const int Height = 3508;

    public static GrayPage Render(LaidOutPage page, TypeStyle style, ScanLook look, Rng rng)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var sharp = SKSurface.Create(info);
        var canvas = sharp.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Save();
        canvas.RotateDegrees((float)look.SkewDegrees, Width / 2f, Height / 2f);
        canvas.Scale(Dpi / 72f);

        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        foreach (var t in page.Texts)
        {
            using var font = new SKFont(style.Font.Typeface(t.Bold), t.Size) { Edging = SKFontEdging.Antialias, Subpixel = true };
            canvas.DrawText(t.Text, t.X, t.Y, SKTextAlign.Left, font, ink);
        }
        using var line = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke };
        foreach (var r in page.Rules)
        {
            line.StrokeWidth = r.Width;
            canvas.DrawLine(r.X1, r.Y1, r.X2, r.Y2, line);
        }
        foreach (var s in page.Signatures) DrawSignature(canvas, s, rng);
        foreach (var picture in page.Images) DrawImage(canvas, picture);
        canvas.Restore();

        using var image = sharp.Snapshot();
        using var blurred = SKSurface.Create(info);
        using (var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(look.BlurSigma, look.BlurSigma) })
        {
            blurred.Canvas.Clear(SKColors.White);
            blurred.Canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), blur);
        }
        using var pixmap = blurred.PeekPixels();
        var rgba = pixmap.GetPixelSpan();

        var gray = new byte[Width * Height];
        var paper = look.Paper;
        var range = paper - look.Ink;
        // Scanner illumination falls off slightly towards one side.
        var falloff = rng.Between(0.0, 6.0);
        var shadowWidth = look.EdgeShadow ? rng.Between(12, 40) : 0;
        var shadowLeft = rng.Chance(0.5);
        for (var y = 0; y < Height; y++)
        {
            var row = y * Width;
            for (var x = 0; x < Width; x++)
            {
                var lum = rgba[(row + x) * 4];
                var tone = paper - falloff * x / Width;
                var v = tone - (255 - lum) * range / 255.0;
                if (look.Grain > 0) v += look.Grain * FastGaussian(rng);
                var edge = shadowLeft ? x : Width - 1 - x;
                if (edge < shadowWidth) v -= 90.0 * (shadowWidth - edge) / shadowWidth;
                gray[row + x] = (byte)Math.Clamp(v, 0, 255);
            }
        }

        AddSpecks(gray, look, rng);
        if (look.Bitonal)
            for (var i = 0; i < gray.Length; i++) gray[i] = gray[i] < look.Threshold ? (byte)0 : (byte)255;
        return new GrayPage(Width, Height, gray);
    }

    /// <summary>Sum of uniforms: close enough to a normal distribution for grain, and much cheaper.</summary>
    private static double FastGaussian(Rng rng) => (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5) * 2.0;

    private static void AddSpecks(byte[] gray, ScanLook look, Rng rng)
    {
        for (var i = 0; i < look.Specks; i++)
        {
            var cx = rng.Between(0, Width - 1);
            var cy = rng.Between(0, Height - 1);
            var radius = rng.Chance(0.97) ? rng.Between(0.6, 1.8) : rng.Between(2.5, 5.0);
            var dark = (byte)rng.Between(10, 120);
            var r = (int)Math.Ceiling(radius);
            for (var dy = -r; dy <= r; dy++)
            for (var dx = -r; dx <= r; dx++)
            {
                var x = cx + dx;
                var y = cy + dy;
                if (x < 0 || y < 0 || x >= Width || y >= Height || dx * dx + dy * dy > radius * radius) continue;
                var idx = y * Width + x;
                if (gray[idx] > dark) gray[idx] = dark;
            }
        }
    }

    /// <summary>Draws a grey picture (a barcode) into its box, pixel edges kept sharp as a printer would.</summary>
    private static void DrawImage(SKCanvas canvas, ImageItem picture)
    {
        var info = new SKImageInfo(picture.PixelWidth, picture.PixelHeight, SKColorType.Gray8, SKAlphaType.Opaque);
        using var data = SKData.CreateCopy(picture.GrayPixels);
        using var image = SKImage.FromPixels(info, data, picture.PixelWidth);
        canvas.DrawImage(image, SKRect.Create(picture.X, picture.Y, picture.Width, picture.Height), new SKSamplingOptions(SKFilterMode.Nearest));
    }

    /// <summary>A quick pen scribble in the signature space.</summary>
    private static void DrawSignature(SKCanvas canvas, SignatureItem s, Rng rng)
    {
        using var pen = new SKPaint { Color = new SKColor(20, 30, 90), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.1f, StrokeCap = SKStrokeCap.Round };
        using var path = new SKPathBuilder();
        var x = s.X + 4;
        var baseY = s.Y + s.Height * 0.7f;
        path.MoveTo(x, baseY);
        var strokes = rng.Between(5, 9);
        var step = s.Width * 0.9f / strokes;
        for (var i = 0; i < strokes; i++)
        {
            var up = baseY - s.Height * (float)rng.Between(0.3, 0.9);
            var down = baseY + s.Height * (float)rng.Between(-0.05, 0.2);
            path.CubicTo(x + step * 0.2f, up, x + step * 0.7f, up, x + step * 0.6f, down);
            x += step;
        }
        path.LineTo(x + step, baseY - s.Height * 0.2f);
        using var shape = path.Detach();
        canvas.DrawPath(shape, pen);
    }
}

using ScanPipeline.SampleGenerator.Scans;

namespace ScanPipeline.SampleGenerator.Batches;

/// <summary>What paper and scanner add to a page besides its content: punch holes, staples, show-through.</summary>
public static class PaperMarks
{
    private static int Px(double millimetres) => (int)Math.Round(millimetres / 25.4 * PageRasterizer.Dpi);

    /// <summary>Two holes of a standard punch, 12 mm from the left edge (right edge on the back of a sheet), 80 mm apart.</summary>
    public static void PunchHoles(GrayPage page, bool mirrored)
    {
        var x = mirrored ? page.Width - Px(12) : Px(12);
        foreach (var y in new[] { page.Height / 2 - Px(40), page.Height / 2 + Px(40) }) Disc(page, x, y, Px(2.75), 28);
    }

    /// <summary>A staple's shadow in the top left corner.</summary>
    public static void StapleShadow(GrayPage page)
    {
        for (var t = 0; t <= 100; t++)
        {
            var x = Px(9) + (Px(21) - Px(9)) * t / 100;
            var y = Px(14) + (Px(9) - Px(14)) * t / 100;
            Disc(page, x, y, Px(0.4), 60);
        }
    }

    /// <summary>The front's ink, mirrored left to right, showing through at about 12 % of its strength.</summary>
    public static void BleedThrough(GrayPage back, GrayPage front, byte paper)
    {
        for (var y = 0; y < back.Height; y++)
        for (var x = 0; x < back.Width; x++)
        {
            var ink = paper - front.Pixels[y * front.Width + (front.Width - 1 - x)];
            if (ink <= 0) continue;
            var at = y * back.Width + x;
            back.Pixels[at] = (byte)Math.Max(0, back.Pixels[at] - ink * 0.12);
        }
    }

    /// <summary>A bitonal scanner's threshold: black below it, white above.</summary>
    public static void Threshold(GrayPage page, byte threshold)
    {
        for (var i = 0; i < page.Pixels.Length; i++) page.Pixels[i] = page.Pixels[i] < threshold ? (byte)0 : (byte)255;
    }

    private static void Disc(GrayPage page, int cx, int cy, int radius, byte tone)
    {
        for (var y = cy - radius; y <= cy + radius; y++)
        for (var x = cx - radius; x <= cx + radius; x++)
        {
            if (x < 0 || y < 0 || x >= page.Width || y >= page.Height) continue;
            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > radius * radius) continue;
            var at = y * page.Width + x;
            if (page.Pixels[at] > tone) page.Pixels[at] = tone;
        }
    }
}

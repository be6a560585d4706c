using SkiaSharp;

namespace ScanPipeline.SampleGenerator.Scans;

/// <summary>A font family as regular and bold TrueType files (DejaVu ships with Debian; Liberation via fonts-liberation2).</summary>
public sealed class FontFamily(string name, string regularPath, string boldPath)
{
    public string Name { get; } = name;
    public string RegularPath { get; } = regularPath;
    public string BoldPath { get; } = boldPath;

    private SKTypeface? _regular;
    private SKTypeface? _bold;

    public SKTypeface Typeface(bool bold) => bold
        ? _bold ??= Load(BoldPath)
        : _regular ??= Load(RegularPath);

    private static SKTypeface Load(string path) =>
        File.Exists(path)
            ? SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"Cannot load font {path}")
            : throw new FileNotFoundException($"Font missing: {path} (apt-get install fonts-dejavu-core fonts-liberation2)", path);
}

public static class Fonts
{
    private const string DejaVu = "/usr/share/fonts/truetype/dejavu/";
    private const string Liberation = "/usr/share/fonts/truetype/liberation2/";

    public static readonly FontFamily DejaVuSans = new("DejaVu Sans", DejaVu + "DejaVuSans.ttf", DejaVu + "DejaVuSans-Bold.ttf");
    public static readonly FontFamily DejaVuSerif = new("DejaVu Serif", DejaVu + "DejaVuSerif.ttf", DejaVu + "DejaVuSerif-Bold.ttf");
    public static readonly FontFamily DejaVuSansCondensed = new("DejaVu Sans Condensed", DejaVu + "DejaVuSansCondensed.ttf", DejaVu + "DejaVuSansCondensed-Bold.ttf");
    public static readonly FontFamily LiberationSans = new("Liberation Sans", Liberation + "LiberationSans-Regular.ttf", Liberation + "LiberationSans-Bold.ttf");
    public static readonly FontFamily LiberationSerif = new("Liberation Serif", Liberation + "LiberationSerif-Regular.ttf", Liberation + "LiberationSerif-Bold.ttf");
    public static readonly FontFamily LiberationMono = new("Liberation Mono", Liberation + "LiberationMono-Regular.ttf", Liberation + "LiberationMono-Bold.ttf");
}

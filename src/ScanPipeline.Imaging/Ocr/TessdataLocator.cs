namespace ScanPipeline.Imaging.Ocr;

/// <summary>Finds the tessdata folder: the configured one, else TESSDATA_PREFIX, else the usual Debian and source-build places.</summary>
internal static class TessdataLocator
{
    private static readonly string[] WellKnown =
    [
        ImagingOptions.DefaultTessdataPath,
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
    ];

    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var prefix = Environment.GetEnvironmentVariable("TESSDATA_PREFIX");
        if (!string.IsNullOrWhiteSpace(prefix) && Directory.Exists(prefix)) return prefix;
        return WellKnown.FirstOrDefault(Directory.Exists) ?? ImagingOptions.DefaultTessdataPath;
    }

    /// <summary>Throws a clear configuration error when a language model or the PDF font is missing.</summary>
    public static void CheckComplete(string tessdata, string languages, bool needPdfFont, bool needOrientation)
    {
        var missing = languages.Split('+').Select(l => l + ".traineddata")
            .Concat(needOrientation ? [Preparation.OrientationDetector.OsdLanguage + ".traineddata"] : [])
            .Concat(needPdfFont ? ["pdf.ttf"] : [])
            .Where(f => !File.Exists(Path.Combine(tessdata, f)))
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Tessdata folder '{tessdata}' lacks {string.Join(", ", missing)}; set Imaging:TessdataPath.");
    }
}

using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Ocr;
using Xunit;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A fact that needs libtesseract and its tessdata (deu, eng). On a developer machine without them it is
/// skipped; in CI (CI=true) it never skips, so a missing install fails the test instead of hiding it.
/// </summary>
public sealed class RequiresTesseractFactAttribute : FactAttribute
{
    public RequiresTesseractFactAttribute()
    {
        if (TesseractPresence.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>The theory form of <see cref="RequiresTesseractFactAttribute"/>.</summary>
public sealed class RequiresTesseractTheoryAttribute : TheoryAttribute
{
    public RequiresTesseractTheoryAttribute()
    {
        if (TesseractPresence.SkipReason is { } reason) Skip = reason;
    }
}

internal static class TesseractPresence
{
    private static readonly Lazy<string?> Reason = new(Find);

    /// <summary>Null when the tests must run.</summary>
    public static string? SkipReason => Reason.Value;

    private static string? Find()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        // IsTesseractAvailable sets OMP_THREAD_LIMIT before it loads anything, so probing cannot spoil the limit.
        if (!OcrRuntime.IsTesseractAvailable) return "libtesseract.so.5 / liblept is not installed (apt-get install tesseract-ocr).";
        var tessdata = new ImagingOptions().ResolvedTessdataPath;
        if (!File.Exists(Path.Combine(tessdata, "deu.traineddata")) || !File.Exists(Path.Combine(tessdata, "eng.traineddata")))
            return $"tessdata with deu and eng is missing in '{tessdata}' (apt-get install tesseract-ocr-deu tesseract-ocr-eng).";
        return null;
    }
}

using ScanPipeline.Imaging.Analysis;
using ScanPipeline.Imaging.Ocr;
using Xunit;

namespace ScanPipeline.IntegrationTests.Separation;

/// <summary>
/// A test that needs page analysis' native tools: leptonica, libzbar (Debian libzbar0) and pdftoppm. Skipped on a
/// developer machine without them; never in CI (CI=true), where a missing tool fails the test.
/// </summary>
public sealed class RequiresAnalysisFactAttribute : FactAttribute
{
    public RequiresAnalysisFactAttribute()
    {
        if (AnalysisPresence.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>The theory form of <see cref="RequiresAnalysisFactAttribute"/>.</summary>
public sealed class RequiresAnalysisTheoryAttribute : TheoryAttribute
{
    public RequiresAnalysisTheoryAttribute()
    {
        if (AnalysisPresence.SkipReason is { } reason) Skip = reason;
    }
}

internal static class AnalysisPresence
{
    private static readonly Lazy<string?> Reason = new(Find);

    /// <summary>Null when the tests must run.</summary>
    public static string? SkipReason => Reason.Value;

    private static string? Find()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        if (!OcrRuntime.IsTesseractAvailable) return "liblept / libtesseract is not installed (scripts/setup.sh).";
        if (!BarcodeReader.IsAvailable) return "libzbar.so.0 is not installed (apt-get install libzbar0, or scripts/setup.sh).";
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "pdftoppm")));
        return onPath ? null : "pdftoppm is not installed (apt-get install poppler-utils).";
    }
}

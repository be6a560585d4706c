using Xunit;

namespace ScanPipeline.IntegrationTests.Classification;

/// <summary>
/// A test that needs python3 with scikit-learn (Debian's python3-sklearn, installed by scripts/setup.sh) for the
/// TF-IDF + logistic-regression baseline. Skipped when it is missing, except under CI=true, where the test
/// runs and fails, so that a missing package can never hide the comparison.
/// </summary>
public sealed class RequiresSklearnFactAttribute : FactAttribute
{
    public RequiresSklearnFactAttribute()
    {
        if (Sklearn.Python is null && !Sklearn.InCi) Skip = "python3 with scikit-learn is not installed (apt-get install python3-sklearn).";
    }
}

public static class Sklearn
{
    private static readonly Lazy<string?> Found = new(Find);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The python3 that imports sklearn: Debian's first (a pyenv or venv python3 on PATH may lack it), then PATH's.</summary>
    public static string? Python => Found.Value;

    private static string? Find()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var result = ToolProcess.RunAsync(candidate, ["-c", "import sklearn"], TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
                if (result.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed under this name
            }
        }
        return null;
    }
}

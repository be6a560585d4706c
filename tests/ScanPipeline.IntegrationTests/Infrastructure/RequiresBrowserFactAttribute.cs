using Xunit;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A fact that drives Debian's chromium (/usr/bin/chromium) and checks pages with axe-core from npm
/// (tests/ScanPipeline.IntegrationTests/Web/Browser/node_modules, installed by scripts/setup.sh). On a
/// developer machine without them it is skipped; in CI (CI=true) it never skips, so a missing install fails
/// the test instead of hiding it. A test may still set <c>Skip</c> itself, with a reason.
/// </summary>
public sealed class RequiresBrowserFactAttribute : FactAttribute
{
    public RequiresBrowserFactAttribute()
    {
        if (BrowserPresence.SkipReason is { } reason) Skip = reason;
    }
}

internal static class BrowserPresence
{
    /// <summary>Debian's chromium; the Playwright browser download is not used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where npm ci puts axe-core for the browser tests (package.json beside the tests).</summary>
    public static string AxeScriptPath => Repository.Path("tests/ScanPipeline.IntegrationTests/Web/Browser/node_modules/axe-core/axe.min.js");

    private static readonly Lazy<string?> Reason = new(Find);

    /// <summary>Null when the tests must run.</summary>
    public static string? SkipReason => Reason.Value;

    private static string? Find()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        if (!File.Exists(ChromiumPath)) return $"{ChromiumPath} is not installed (bash scripts/setup.sh, or apt-get install chromium).";
        if (!File.Exists(AxeScriptPath)) return $"axe-core is not installed in {Path.GetDirectoryName(Path.GetDirectoryName(AxeScriptPath))} (bash scripts/setup.sh runs npm ci there).";
        return null;
    }
}

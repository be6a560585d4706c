using System.Globalization;
using ScanPipeline.Web.Resources;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>The pages' own texts (WebTexts*.resx) in one language, to find elements by what a person reads.</summary>
internal static class Text
{
    public static string De(string key) => Get(key, "de");

    public static string En(string key) => Get(key, "en");

    private static string Get(string key, string culture) =>
        WebTexts.ResourceManager.GetString(key, CultureInfo.GetCultureInfo(culture))
        ?? throw new KeyNotFoundException($"WebTexts has no text {key}");
}

using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Dashboard;

/// <summary>Reads figures off the dashboard's HTML by the data attributes its tables carry.</summary>
internal static partial class DashboardPage
{
    /// <summary>The text of cell <paramref name="figure"/> in the table row with <paramref name="rowAttribute"/>="<paramref name="key"/>".</summary>
    public static string Figure(string html, string rowAttribute, string key, string figure)
    {
        var row = Regex.Match(html, $"<tr data-{rowAttribute}=\"{Regex.Escape(key)}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No row data-{rowAttribute}=\"{key}\" on the dashboard");
        var cell = Regex.Match(row.Groups[1].Value, $"data-figure=\"{Regex.Escape(figure)}\">([^<]*)<");
        Assert.True(cell.Success, $"No figure {figure} in row {key}");
        return WebUtility.HtmlDecode(cell.Groups[1].Value).Trim();
    }

    public static bool HasRow(string html, string rowAttribute, string key) => html.Contains($"<tr data-{rowAttribute}=\"{key}\"", StringComparison.Ordinal);

    /// <summary>An inline script (a script element without src) or a style attribute: both would break the CSP.</summary>
    public static bool HasInlineScriptOrStyle(string html) => InlineScript().IsMatch(html) || html.Contains(" style=", StringComparison.Ordinal);

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}

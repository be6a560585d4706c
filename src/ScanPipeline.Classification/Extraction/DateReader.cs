using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification.Extraction;

/// <summary>
/// Dates as Germans write them: 03.03.2026, 3.3.26, 3. März 2026, 03. Mrz. 2026; ISO 2026-03-03; and the
/// European 03/03/2026 of foreign invoices (day first, four-digit year only, so that file references such as
/// 12/26 are not read as dates).
/// Impossible dates (31.02.) and years outside <see cref="MinYear"/>..<see cref="MaxYear"/> are dropped.
/// Two-digit years mean 2000-2049 for 00-49 and 1950-1999 for 50-99 (as .NET's German calendar does).
/// </summary>
internal static partial class DateReader
{
    public const int MinYear = 1900, MaxYear = 2099;

    private static readonly FrozenDictionary<string, int> MonthByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["januar"] = 1, ["jänner"] = 1, ["jan"] = 1,
        ["februar"] = 2, ["feb"] = 2, ["febr"] = 2,
        ["märz"] = 3, ["maerz"] = 3, ["marz"] = 3, ["mär"] = 3, ["mrz"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mai"] = 5,
        ["juni"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9,
        ["oktober"] = 10, ["okt"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["dezember"] = 12, ["dez"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<FoundDate> Read(string text)
    {
        var hits = new List<(int Index, FoundDate Date)>();
        Collect(hits, text, Numeric(), m => (m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value));
        Collect(hits, text, Slashed(), m => (m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value));
        Collect(hits, text, Iso(), m => (m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value));
        Collect(hits, text, Spelled(), m => (m.Groups["d"].Value, MonthByName[m.Groups["m"].Value].ToString(CultureInfo.InvariantCulture), m.Groups["y"].Value));

        var found = new List<FoundDate>();
        var seen = new HashSet<DateOnly>();
        foreach (var (_, date) in hits.OrderBy(h => h.Index))
        {
            if (found.Count == FieldExtractor.MaxValuesPerField) break;
            if (seen.Add(date.Date)) found.Add(date);
        }
        return found;
    }

    /// <summary>The date when the whole of <paramref name="value"/> is one date, else null.</summary>
    public static DateOnly? ParseWhole(string value)
    {
        var trimmed = value.Trim();
        foreach (var (regex, spelled) in new[] { (Numeric(), false), (Slashed(), false), (Iso(), false), (Spelled(), true) })
        {
            var m = regex.Match(trimmed);
            if (!m.Success || m.Index != 0 || m.Length != trimmed.Length) continue;
            var month = spelled ? MonthByName[m.Groups["m"].Value].ToString(CultureInfo.InvariantCulture) : m.Groups["m"].Value;
            return ToDate(m.Groups["d"].Value, month, m.Groups["y"].Value);
        }
        return null;
    }

    private static void Collect(List<(int, FoundDate)> hits, string text, Regex regex, Func<Match, (string Day, string Month, string Year)> parts)
    {
        try
        {
            foreach (Match m in regex.Matches(text))
            {
                var (day, month, year) = parts(m);
                var written = m.Groups["t"].Success ? m.Groups["t"].Value : m.Value;
                if (ToDate(day, month, year) is { } date) hits.Add((m.Index, new FoundDate(date, written)));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile text: keep what was found before the limit.
        }
    }

    private static DateOnly? ToDate(string day, string month, string year)
    {
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        if (year.Length == 2) y += y < 50 ? 2000 : 1900;
        if (y is < MinYear or > MaxYear || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d);
    }

    // 03.03.2026, 3.3.26, 03. 03. 2026
    [GeneratedRegex(@"\b(?<d>[0-9]{1,2})\. ?(?<m>[0-9]{1,2})\. ?(?<y>[0-9]{4}|[0-9]{2})\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Numeric();

    // 13/11/2017: day first, as in Europe outside Germany; only with a four-digit year.
    [GeneratedRegex(@"\b(?<d>[0-9]{1,2})/(?<m>[0-9]{1,2})/(?<y>[0-9]{4})\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Slashed();

    // 2026-03-03, also as the start of a timestamp (2026-03-03T10:00); the text kept is the date alone.
    [GeneratedRegex(@"\b(?<t>(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2}))(?:\b|T[0-9]{2}:)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Iso();

    // 3. März 2026, 03. Mrz. 2026, 3.Sept. 2026; longer names first so that "Sept." is taken whole.
    [GeneratedRegex(@"\b(?<d>[0-9]{1,2})\. ?(?<m>Januar|Jänner|Februar|März|Maerz|Marz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Febr|Sept|Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\.? {0,2}(?<y>[0-9]{4})\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Spelled();
}

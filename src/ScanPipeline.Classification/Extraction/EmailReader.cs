using System.Text.RegularExpressions;

namespace ScanPipeline.Classification.Extraction;

/// <summary>E-mail addresses: a plain local part, a dotted domain and a letter-only top-level domain; lower-cased.</summary>
internal static partial class EmailReader
{
    public static IReadOnlyList<string> Read(string text)
    {
        var found = new List<string>();
        if (!text.Contains('@')) return found;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (Match m in Email().Matches(text))
            {
                // Part of a longer word ("ş" before an ASCII local part): not an address we can read whole.
                if (m.Index > 0 && char.IsLetterOrDigit(text[m.Index - 1])) continue;
                var address = m.Value.Replace(" ", "", StringComparison.Ordinal).TrimStart('.').ToLowerInvariant();
                if (address.Contains("..", StringComparison.Ordinal) || address.StartsWith('@')) continue;
                if (seen.Add(address)) found.Add(address);
                if (found.Count == FieldExtractor.MaxValuesPerField) break;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile text: keep what was found before the limit.
        }
        return found;
    }

    // Bounded parts (RFC 5321 limits: 64 for the local part, 63 per label); no backtracking engine. OCR sometimes
    // sets a space before the "@" ("neumann.familie @arcor.de"); it is allowed there and dropped.
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]{1,64} ?@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24}\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Email();
}

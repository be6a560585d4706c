using System.Text;
using System.Text.RegularExpressions;

namespace ScanPipeline.Classification.Extraction;

/// <summary>
/// IBANs written compact or in groups ("DE89 3704 0044 0532 0130 00"). A candidate is cut at its country's
/// registered length, which must end at a word boundary, and kept only if its check digits are valid
/// (<see cref="Iban.IsValid"/>). OCR confusions such as O for 0 are not corrected.
/// </summary>
internal static partial class IbanReader
{
    public static IReadOnlyList<string> Read(string text)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = 0;
        try
        {
            while (start < text.Length)
            {
                var m = Candidate().Match(text, start);
                if (!m.Success) break;
                if (!StartsWord(text, m.Index))
                {
                    start = m.Index + 1;
                    continue;
                }
                var (iban, end) = Take(text, m.Index, m.Index + m.Length);
                if (iban is not null)
                {
                    if (seen.Add(iban)) found.Add(iban);
                    if (found.Count == FieldExtractor.MaxValuesPerField) break;
                    start = end;
                }
                else
                {
                    start = m.Index + 2; // a later IBAN may begin inside a failed candidate
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile text: keep what was found before the limit.
        }
        return found;
    }

    /// <summary>An IBAN starts a word, or follows its label without a space ("IBANDE31 …", as OCR merges them).</summary>
    private static bool StartsWord(string text, int index) =>
        index == 0 || !char.IsLetterOrDigit(text[index - 1]) || (index >= 4 && text.AsSpan(index - 4, 4).SequenceEqual("IBAN"));

    /// <summary>
    /// The valid IBAN at the start of a candidate and where it ends in the text, or null. Spaces inside
    /// are dropped; the character after the last one counted must not be a letter or a digit, so that a
    /// longer number is not cut into a valid-looking IBAN.
    /// </summary>
    private static (string? Iban, int End) Take(string text, int from, int to)
    {
        var length = Iban.LengthFor(text.AsSpan(from, 2));
        if (length is null) return (null, from);

        var compact = new StringBuilder(length.Value);
        var i = from;
        for (; i < to && compact.Length < length; i++)
        {
            var c = text[i];
            if (c == ' ') continue;
            compact.Append(char.ToUpperInvariant(c));
        }
        if (compact.Length < length) return (null, from);
        if (i < text.Length && char.IsLetterOrDigit(text[i])) return (null, from);

        var iban = compact.ToString();
        return Iban.IsValid(iban) ? (iban, i) : (null, from);
    }

    // Country code, check digits, then 11 to 32 letters or digits with single spaces allowed between them
    // (a space may also follow the country code). Where a word starts is checked in code. Bounded, no
    // backtracking engine.
    [GeneratedRegex(@"[A-Z]{2} ?[0-9]{2}(?: ?[A-Za-z0-9]){11,32}",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Candidate();
}

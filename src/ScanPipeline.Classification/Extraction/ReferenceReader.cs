using System.Text;
using System.Text.RegularExpressions;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification.Extraction;

/// <summary>
/// Labelled references: file references (Aktenzeichen, Az., Geschäftszeichen, Gz., Ihr/Unser Zeichen,
/// Vorgangsnummer) and payment or customer references (Kassenzeichen, Kundennummer, Rechnungsnummer,
/// "Handelsrechnung Nr.", "Rechnung #", Belegnummer, Steuernummer). Only a value written after its label is
/// taken, on the same line or, for a label alone at the start of its line, on the next one; an unlabelled
/// number is never guessed to be a reference.
/// </summary>
/// <remarks>
/// After the label come optional words ending in a colon ("Aktenzeichen Bauantrag: ..."), then the value:
/// one token of letters, digits and . / - with at least one digit or slash, continued by further tokens on
/// the same line where they clearly belong to it ("50 12 34/2026", "50.4 - 647/25", "12 VI 345/26"), up to
/// a column gap of two spaces. A value that is a date, a phone number, a postcode with its town, or an IBAN
/// is not a reference.
/// </remarks>
internal static partial class ReferenceReader
{
    private const int MaxValueLength = 40;
    private const int MaxQualifierLength = 40;

    private enum LabelKind { File, Payment, Customer, Invoice, Tax }

    /// <summary>File references and cash references, each in text order without repeats.</summary>
    public static (IReadOnlyList<string> FileReferences, IReadOnlyList<CashReference> CashReferences) Read(string text)
    {
        var files = new List<string>();
        var cash = new List<CashReference>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenCash = new HashSet<CashReference>();
        foreach (var (kind, value) in ReadLabelled(text))
        {
            if (kind == LabelKind.File)
            {
                if (files.Count < FieldExtractor.MaxValuesPerField && seenFiles.Add(value)) files.Add(value);
                continue;
            }
            var reference = new CashReference(kind switch
            {
                LabelKind.Payment => CashReferenceKind.PaymentReference,
                LabelKind.Customer => CashReferenceKind.CustomerNumber,
                LabelKind.Invoice => CashReferenceKind.InvoiceNumber,
                _ => CashReferenceKind.TaxNumber,
            }, value);
            if (cash.Count < FieldExtractor.MaxValuesPerField && seenCash.Add(reference)) cash.Add(reference);
        }
        return (files, cash);
    }

    private static List<(LabelKind Kind, string Value)> ReadLabelled(string text)
    {
        var found = new List<(LabelKind, string)>();
        try
        {
            foreach (Match m in Label().Matches(text))
            {
                var end = m.Index + m.Length;
                // "Az" must be a word of its own ("Azubi" is not a label); labels ending in "." are complete.
                if (!m.Value.EndsWith('.') && end < text.Length && char.IsLetterOrDigit(text[end])) continue;
                if (m.Index > 0 && char.IsLetterOrDigit(text[m.Index - 1])) continue;

                var kind = KindOf(m.Value);
                var rest = LineFrom(text, end);
                // A label alone on its line (a form, or a reference block OCR read column by column): the
                // value stands on the next line that is not blank. A label ending a line of prose is not one.
                if (rest.TrimStart(" :.#").IsEmpty && StartsLine(text, m.Index)) rest = NextLine(text, end);
                if (ReadValue(rest, kind) is { } value) found.Add((kind, value));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile text: keep what was found before the limit.
        }
        return found;
    }

    private static bool StartsLine(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return text.AsSpan(lineStart, index - lineStart).IsWhiteSpace();
    }

    private static ReadOnlySpan<char> LineFrom(string text, int start)
    {
        var lineEnd = text.IndexOf('\n', start);
        return text.AsSpan(start, (lineEnd < 0 ? text.Length : lineEnd) - start);
    }

    /// <summary>The first non-blank line after the one holding <paramref name="start"/>, within two lines.</summary>
    private static ReadOnlySpan<char> NextLine(string text, int start)
    {
        var position = text.IndexOf('\n', start);
        for (var skipped = 0; position >= 0 && skipped < 2; skipped++)
        {
            var line = LineFrom(text, position + 1);
            if (!line.IsWhiteSpace()) return line;
            position = text.IndexOf('\n', position + 1);
        }
        return [];
    }

    private static LabelKind KindOf(string label)
    {
        var l = label.ToLowerInvariant();
        if (l.StartsWith("kassenz", StringComparison.Ordinal)) return LabelKind.Payment;
        if (l.StartsWith("kunden", StringComparison.Ordinal) || l.StartsWith("kd", StringComparison.Ordinal) || l.StartsWith("debitor", StringComparison.Ordinal)) return LabelKind.Customer;
        if (l.Contains("rechnung", StringComparison.Ordinal) || l.StartsWith("re.", StringComparison.Ordinal) || l.StartsWith("beleg", StringComparison.Ordinal)
            || l.StartsWith("gutschrift", StringComparison.Ordinal) || l.StartsWith("invoice", StringComparison.Ordinal)) return LabelKind.Invoice;
        if (l.StartsWith("steuer", StringComparison.Ordinal) || l.StartsWith("st.", StringComparison.Ordinal)) return LabelKind.Tax;
        return LabelKind.File;
    }

    /// <summary>
    /// The reference written after a label, from the rest of the label's line; null if there is none. Two or
    /// more spaces in a row end it: they separate columns ("Kundennummer: 267651      Datum: …").
    /// </summary>
    private static string? ReadValue(ReadOnlySpan<char> rest, LabelKind kind)
    {
        rest = SkipLabelTail(rest);
        var columnGap = rest.IndexOf("  ", StringComparison.Ordinal);
        var tokens = Tokens(columnGap > 0 ? rest[..columnGap] : rest);
        if (tokens.Count == 0) return null;

        var first = Clean(tokens[0], out var closed);
        if (!IsReferenceToken(first, kind)) return null;

        var value = new StringBuilder(first);
        for (var i = 1; i < tokens.Count && !closed; i++)
        {
            var token = tokens[i];
            if (token is "-" or "/" or "–" && i + 1 < tokens.Count)
            {
                // "50.4 - 647/25": a separator between two parts of one reference (file references only).
                var next = Clean(tokens[i + 1], out var nextClosed);
                if (kind != LabelKind.File || !HasDigit(next) || !IsReferenceToken(next, kind)) break;
                value.Append(' ').Append(token == "–" ? "-" : token).Append(' ').Append(next);
                closed = nextClosed;
                i++;
                continue;
            }

            var part = Clean(token, out var partClosed);
            if (!Continues(part, kind, i + 1 < tokens.Count ? tokens[i + 1] : null)) break;
            value.Append(' ').Append(part);
            closed = partClosed;
        }

        var result = value.ToString();
        if (result.Length > MaxValueLength || IsSomethingElse(result, rest, kind)) return null;
        return result;
    }

    /// <summary>Skips ":", ".", "Nr." after the label, and qualifying words up to a colon ("Bauantrag:").</summary>
    private static ReadOnlySpan<char> SkipLabelTail(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(" :.#");
        if (rest.StartsWith("Nr.", StringComparison.OrdinalIgnoreCase)) rest = rest[3..].TrimStart(" :.");
        rest = rest.TrimStart("#");

        var colon = rest.IndexOf(':');
        if (colon > 0 && colon <= MaxQualifierLength)
        {
            var qualifier = rest[..colon];
            var onlyWords = true;
            foreach (var c in qualifier)
                if (!(char.IsLetter(c) || c is ' ' or '-' or '.' or '(' or ')')) { onlyWords = false; break; }
            if (onlyWords) rest = rest[(colon + 1)..].TrimStart(' ');
        }
        return rest;
    }

    private static List<string> Tokens(ReadOnlySpan<char> rest)
    {
        var tokens = new List<string>();
        foreach (var range in rest.Split(' '))
        {
            var token = rest[range];
            if (token.IsEmpty) continue;
            tokens.Add(token.ToString());
            if (tokens.Count >= 12) break;
        }
        return tokens;
    }

    /// <summary>Strips punctuation that ends a clause; <paramref name="closed"/> says the value ends here.</summary>
    private static string Clean(string token, out bool closed)
    {
        var trimmed = token.TrimEnd('.', ',', ';', ':', ')', '!', '?');
        if (trimmed.StartsWith('(')) trimmed = trimmed[1..];
        closed = trimmed.Length != token.Length;
        return trimmed;
    }

    private static bool IsReferenceToken(string token, LabelKind kind)
    {
        if (token.Length == 0 || !char.IsLetterOrDigit(token[0])) return false;
        foreach (var c in token)
            if (!(char.IsLetterOrDigit(c) || c is '.' or '/' or '-')) return false;
        // A file reference may be all letters with a slash ("SU/cg"); anything else needs a digit.
        return HasDigit(token) || (kind == LabelKind.File && token.Contains('/') && token.Length >= 3);
    }

    /// <summary>
    /// Whether a further space-separated token is part of the value: digit groups ("220 1234 5678") for
    /// every kind; for file references also tokens with digits ("50 12 34/2026") and short upper-case
    /// letter groups followed by digits or standing last ("12 VI 345/26", "123/26 AB").
    /// </summary>
    private static bool Continues(string part, LabelKind kind, string? next)
    {
        if (part.Length == 0) return false;
        if (DateReader.ParseWhole(part) is not null) return false;
        if (kind != LabelKind.File) return part.All(char.IsAsciiDigit) && part.Length <= 6;
        if (HasDigit(part)) return IsReferenceToken(part, kind) && char.IsAsciiDigit(part[0]);
        if (part.Length <= 3 && part.All(char.IsAsciiLetterUpper)) return next is null || HasDigit(next);
        return false;
    }

    private static bool IsSomethingElse(string value, ReadOnlySpan<char> rest, LabelKind kind)
    {
        if (DateReader.ParseWhole(value) is not null) return true;
        if (Iban.IsValid(value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())) return true;
        if (kind != LabelKind.File) return false;
        if (Phone().IsMatch(value)) return true;
        // A postcode followed by its town: "42103 Wuppertal".
        if (value.Length == 5 && value.All(char.IsAsciiDigit))
        {
            var after = rest.TrimStart(" :.#")[5..].TrimStart(' ');
            if (!after.IsEmpty && char.IsUpper(after[0])) return true;
        }
        return false;
    }

    private static bool HasDigit(string s) => s.Any(char.IsAsciiDigit);

    // Longer labels first. Word boundaries around "Az" etc. are checked in code (no lookarounds here).
    [GeneratedRegex(@"Aktenzeichen|Geschäftszeichen|Gesch\.-Z\.|Ihre? Zeichen|Unsere? Zeichen|Vorgangsnummer|Vorgangs-Nr\.?|Az\.?|Gz\.?|Kassenzeichen|Kassenz\.|Kundennummer|Kunden-Nr\.?|Kundennr\.?|Kd\.-Nr\.?|Debitorennummer|Debitor|Rechnungsnummer|Rechnungs-Nr\.?|Rechnungsnr\.?|\p{L}{0,30}rechnung (?:Nr\.?|#)|Rechnungskorrektur Nr\.?|Gutschrift Nr\.?|Belegnummer|Beleg-Nr\.?|Invoice (?:No\.?|number|#)|Re\.-Nr\.?|Steuernummer|Steuer-Nr\.?|St\.-Nr\.?",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Label();

    // 0201 984-10, (0202) 56 78 90, +49 202 123456, 0202/123456: a leading 0 or +, an area code, a separator,
    // then only digits, spaces and dashes.
    [GeneratedRegex(@"^(?:\+[0-9]{1,3} ?|\(?0)[0-9]{2,5}\)?[ /-][0-9 \-]{3,15}$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: FieldExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Phone();
}

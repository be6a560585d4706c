using System.Globalization;
using System.Text;

namespace ScanPipeline.Classification.Text;

/// <summary>
/// Turns OCR or born-digital text into the canonical form the model is trained and queried on:
/// Unicode NFC, lower case, every digit mapped to <see cref="DigitPlaceholder"/>, OCR junk dropped,
/// words hyphenated across a line break joined, whitespace collapsed to single spaces.
/// Training and prediction both go through <see cref="Normalize"/>, so they can never drift apart;
/// a change to the rules must bump <see cref="Version"/> (it is recorded in every model manifest and
/// a model made with another version is refused).
/// </summary>
public static class TextNormalizer
{
    /// <summary>Version of the normalisation rules; part of the model format.</summary>
    public const int Version = 1;

    /// <summary>Every decimal digit becomes this character: "12.03.2026" and "01.11.2025" look alike.</summary>
    public const char DigitPlaceholder = '0';

    /// <summary>
    /// Only the start of a document is read. The type of a letter shows on its first pages, and a
    /// hostile or broken OCR result must not make featurisation arbitrarily slow.
    /// </summary>
    public const int MaxInputLength = 100_000;

    // Punctuation that carries meaning in German letters (dates, amounts, file references, paragraphs).
    // Everything else that is neither a letter, a digit nor whitespace is treated as OCR junk.
    private const string KeptPunctuation = ".,;:!?-/()§%&@+'\"€";

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (text.Length > MaxInputLength) text = text[..MaxInputLength];

        // NFC first, so that "u" + combining diaeresis becomes one "ü" before anything looks at letters.
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        composed = JoinHyphenatedLineBreaks(composed);

        var sb = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var rune in composed.EnumerateRunes())
        {
            // Format characters (soft hyphen, zero-width space and joiners, BOM) sit inside words: drop them
            // without breaking the word.
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format) continue;
            if (Rune.IsWhiteSpace(rune) || IsJunk(rune))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            if (Rune.IsDigit(rune)) sb.Append(DigitPlaceholder);
            else sb.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return sb.ToString();
    }

    /// <summary>True when the normalised text has no letter at all: there is nothing to classify.</summary>
    public static bool HasNoWords(string normalized)
    {
        foreach (var rune in normalized.EnumerateRunes())
            if (Rune.IsLetter(rune)) return false;
        return true;
    }

    /// <summary>
    /// Letters and digits are text; a short list of ASCII punctuation plus § and € carries meaning in
    /// German letters (dates, amounts, file references). Everything else (control characters, box
    /// drawing, bullets, private use, U+FFFD, stray symbols, typographic quotes) is scanner or OCR noise
    /// and becomes a word break.
    /// </summary>
    private static bool IsJunk(Rune rune)
    {
        if (Rune.IsLetterOrDigit(rune)) return false;
        return !(rune.IsBmp && KeptPunctuation.Contains((char)rune.Value, StringComparison.Ordinal));
    }

    /// <summary>
    /// "Bau-\nantrag" → "Bauantrag": a hyphen at the end of a line followed by a lower-case letter, except
    /// before a conjunction, where the hyphen stands for an elided word part ("Kita-\nund Schulanmeldung").
    /// </summary>
    private static string JoinHyphenatedLineBreaks(string text)
    {
        if (!text.Contains('\n')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '-' or '\u00AD' && i > 0 && char.IsLetter(text[i - 1]))
            {
                var j = i + 1;
                while (j < text.Length && text[j] is ' ' or '\t' or '\r') j++;
                if (j < text.Length && text[j] == '\n')
                {
                    var k = j + 1;
                    while (k < text.Length && text[k] is ' ' or '\t' or '\r') k++;
                    if (k < text.Length && char.IsLower(text[k]) && !StartsWithConjunction(text, k))
                    {
                        i = k - 1; // continue with the first letter of the next line
                        continue;
                    }
                }
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private static readonly string[] Conjunctions = ["und", "oder", "bzw", "sowie"];

    private static bool StartsWithConjunction(string text, int start)
    {
        foreach (var word in Conjunctions)
        {
            var end = start + word.Length;
            if (string.CompareOrdinal(text, start, word, 0, word.Length) == 0 && (end == text.Length || !char.IsLetter(text[end])))
                return true;
        }
        return false;
    }
}

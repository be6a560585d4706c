using System.Buffers;
using System.Text;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification.Extraction;

/// <summary>
/// Reads the key fields of a letter from its OCR or text-layer text: file references (Aktenzeichen),
/// payment and customer references (Kassenzeichen, Kundennummer, ...), dates, the sender's address,
/// valid IBANs and e-mail addresses. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The text is untrusted: only its first <see cref="MaxInputLength"/> characters are read, every pattern runs
/// on the non-backtracking engine (time linear in the input) with bounded repetitions and a match timeout,
/// and a pattern that still times out yields no further values for its field instead of an exception.
/// </remarks>
public static class FieldExtractor
{
    /// <summary>Only the start of a document is read (the same bound as the classifier's normaliser).</summary>
    public const int MaxInputLength = 100_000;

    /// <summary>
    /// At most this many values per field, the first ones in the text: a letter or an invoice has far fewer, and
    /// the fields travel in messages, so junk text must not make them large.
    /// </summary>
    public const int MaxValuesPerField = 200;

    /// <summary>Every pattern's time limit per match; far above what a legitimate letter needs.</summary>
    internal const int MatchTimeoutMilliseconds = 1000;

    /// <summary>Control characters other than \n, and the Unicode spaces and format characters that OCR and PDFs produce.</summary>
    private static readonly SearchValues<char> CharactersToReplace = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u0085\u00A0\u00AD\u061C\u1680\u180E\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A" +
        "\u200B\u200C\u200D\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u202F\u205F\u2060\u2061\u2062" +
        "\u2063\u2064\u2066\u2067\u2068\u2069\u3000\uFEFF");

    public static DocumentFields Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DocumentFields.Empty;
        var prepared = Prepare(text);
        var (fileReferences, cashReferences) = ReferenceReader.Read(prepared);

        return new DocumentFields(
            FileReferences: fileReferences,
            CashReferences: cashReferences,
            Dates: DateReader.Read(prepared),
            Sender: SenderReader.Read(prepared),
            Ibans: IbanReader.Read(prepared),
            Emails: EmailReader.Read(prepared));
    }

    /// <summary>
    /// Cut to <see cref="MaxInputLength"/>, Unicode NFC (so "ä" is one character for the patterns), line
    /// ends as \n, no-break and other Unicode spaces as plain spaces, tabs as spaces, format characters
    /// (soft hyphen, zero-width space) dropped.
    /// </summary>
    internal static string Prepare(string text)
    {
        if (text.Length > MaxInputLength) text = text[..MaxInputLength];
        if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
        if (text.AsSpan().IndexOfAny(CharactersToReplace) < 0) return text; // the usual case: nothing to change

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                sb.Append('\n');
            }
            else if (c is '\n' or '\f' or '\v' or '\u2028' or '\u2029') sb.Append('\n');
            else if (c == '\t' || (char.IsWhiteSpace(c) && c != '\n')) sb.Append(' ');
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            else sb.Append(c);
        }
        return sb.ToString();
    }
}

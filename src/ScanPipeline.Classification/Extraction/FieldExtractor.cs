using System.Text;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification.Extraction;

/// <summary>
/// Reads the key fields of a letter from its OCR or text-layer text: file references (Aktenzeichen),
/// payment and customer references (Kassenzeichen, Kundennummer, ...), dates, the sender's address,
/// valid IBANs and e-mail addresses. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The text is untrusted: only its first <see cref="MaxInputLength"/> characters are read, every pattern is
/// either run by the non-backtracking engine or has bounded repetitions and a match timeout, and a pattern
/// that still times out yields no values for its field instead of an exception.
/// </remarks>
public static class FieldExtractor
{
    /// <summary>Only the start of a document is read (the same bound as the classifier's normaliser).</summary>
    public const int MaxInputLength = 100_000;

    /// <summary>Every pattern's time limit; far above what a legitimate letter needs (well under 1 ms).</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static DocumentFields Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DocumentFields.Empty;
        var prepared = Prepare(text);

        return new DocumentFields(
            FileReferences: ReferenceReader.FileReferences(prepared),
            CashReferences: ReferenceReader.CashReferences(prepared),
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

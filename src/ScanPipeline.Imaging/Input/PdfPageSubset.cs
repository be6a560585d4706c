using System.Security.Cryptography;
using ScanPipeline.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Writer;

namespace ScanPipeline.Imaging.Input;

/// <summary>
/// A new PDF of some pages of a born-digital original (PdfPig copies each page with its content, fonts and
/// images), for a document that is only part of its batch: the e-file store must get exactly its pages.
/// </summary>
public static class PdfPageSubset
{
    /// <param name="pageNumbers">1-based pages of the original, in the order the new PDF has them.</param>
    /// <returns>The new PDF; or null when the pages are the whole original in order, so the original serves as it is.</returns>
    public static byte[]? Build(ReadOnlyMemory<byte> original, IReadOnlyList<int> pageNumbers)
    {
        ArgumentNullException.ThrowIfNull(pageNumbers);
        if (pageNumbers.Count == 0) throw new ArgumentException("No pages were asked for.", nameof(pageNumbers));
        try
        {
            using var document = Open(original);
            var count = document.NumberOfPages;
            if (pageNumbers.SequenceEqual(Enumerable.Range(1, count))) return null;
            var outOfRange = pageNumbers.Where(n => n < 1 || n > count).ToList();
            if (outOfRange.Count > 0)
                throw new PermanentProcessingException(ReasonCodes.InvalidMessage,
                    $"Pages {string.Join(", ", outOfRange)} do not exist; the PDF has {count}.");
            using var builder = new PdfDocumentBuilder();
            foreach (var number in pageNumbers) builder.AddPage(document, number);
            return WithStableId(builder.Build());
        }
        catch (PdfDocumentEncryptedException error)
        {
            throw new PermanentProcessingException(ReasonCodes.Encrypted, "The PDF is password-protected and cannot be read.", error);
        }
        catch (Exception error) when (error is not (PermanentProcessingException or OperationCanceledException or ArgumentException))
        {
            throw new PermanentProcessingException(ReasonCodes.CorruptFile, $"The pages of the PDF cannot be copied: {error.Message}", error);
        }
    }

    /// <summary>Strict parsing first; a file only lenient parsing can read was already accepted by the recognizer.</summary>
    private static PdfDocument Open(ReadOnlyMemory<byte> original)
    {
        try
        {
            return PdfDocument.Open(original, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
        }
        catch (Exception error) when (error is not PdfDocumentEncryptedException)
        {
            return PdfDocument.Open(original, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
    }

    /// <summary>
    /// PdfPig writes a random file /ID. It is replaced, length unchanged, by a hash of the content before it, so
    /// that the same pages give the same bytes and a redelivered document the same blob.
    /// </summary>
    private static byte[] WithStableId(byte[] pdf)
    {
        var marker = "/ID [ <"u8;
        var at = pdf.AsSpan().LastIndexOf(marker);
        if (at < 0) return pdf;
        var first = at + marker.Length;
        var close = pdf.AsSpan(first).IndexOf((byte)'>');
        var open = close < 0 ? -1 : pdf.AsSpan(first + close).IndexOf((byte)'<');
        if (close < 0 || open < 0) return pdf;
        var second = first + close + open + 1;
        var secondClose = pdf.AsSpan(second).IndexOf((byte)'>');
        if (secondClose != close) return pdf;
        var hex = Convert.ToHexString(SHA256.HashData(pdf.AsSpan(0, at)))[..close];
        System.Text.Encoding.ASCII.GetBytes(hex).CopyTo(pdf, first);
        System.Text.Encoding.ASCII.GetBytes(hex).CopyTo(pdf, second);
        return pdf;
    }
}

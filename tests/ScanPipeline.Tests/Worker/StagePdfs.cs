using System.Globalization;
using System.Text;
using ScanPipeline.Tests.Separation;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ScanPipeline.Tests.Worker;

/// <summary>
/// PDFs for the stage tests, made in code. None of them needs Tesseract: born-digital pages are read from their
/// text layer, and a sound PDF's pages are counted without being decoded.
/// </summary>
internal static class StagePdfs
{
    /// <summary>A born-digital PDF: one line of ASCII text per page, in Helvetica (a standard font, nothing embedded).</summary>
    public static byte[] BornDigital(params string[] pageTexts)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pageTexts) builder.AddPage(595, 842).AddText(text, 12, new PdfPoint(72, 760), font);
        return builder.Build();
    }

    /// <summary>A scan-like PDF: every page is one full-page image of a typed letter page (150 dpi) and has no text.</summary>
    public static byte[] ImagePages(int pages) =>
        ImagePages(Enumerable.Range(0, pages).Select(i => new TestPage(seed: i).TextLines(25, 40, 30, 160, 30).ToPng()));

    /// <summary>A scan-like PDF of the given PNG pages, each filling an A4 page.</summary>
    public static byte[] ImagePages(IEnumerable<byte[]> pngs)
    {
        using var builder = new PdfDocumentBuilder();
        foreach (var png in pngs) builder.AddPage(595, 842).AddPng(png, new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    /// <summary>
    /// A PDF protected with a user password (standard security handler, RC4 40 bit). The O and U entries belong to
    /// no known password, so the file cannot be opened without one: exactly what a reader sees of a protected file.
    /// </summary>
    public static byte[] PasswordProtected()
    {
        var hash = new string('7', 64);
        return WithCrossReferences(
            ["<< /Type /Catalog /Pages 2 0 R >>",
             "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
             $"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{hash}> /U <{hash}> >>"],
            "/Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]");
    }

    /// <summary>A well-formed PDF whose page tree is empty.</summary>
    public static byte[] NoPages() => WithCrossReferences(
        ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"], "/Root 1 0 R");

    /// <summary>Starts like a PDF, then holds nothing a PDF reader can use.</summary>
    public static byte[] Garbage() => Encoding.ASCII.GetBytes("%PDF-1.7\n" + string.Concat(Enumerable.Repeat("kein PDF-Inhalt ", 64)));

    /// <summary>The first half of a file, as a transfer cut short would leave it.</summary>
    public static byte[] FirstHalf(byte[] file) => file[..(file.Length / 2)];

    /// <summary>A PDF of the given objects (numbered from 1) with a correct cross-reference table.</summary>
    private static byte[] WithCrossReferences(string[] objects, string trailer)
    {
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var body in objects)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(text.ToString()));
            text.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(text.ToString());
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        text.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}

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
        ImagePages(Enumerable.Range(0, pages).Select(i => new TestPage(seed: i).TextLines(25, 40, 30, 160, 30)));

    /// <summary>
    /// A scan-like PDF of the given pages, each an A4 page filled by one 8-bit grey Flate image, as scanners write
    /// them (written directly: PdfPig's PNG path would decode and re-encode every page).
    /// </summary>
    public static byte[] ImagePages(IEnumerable<TestPage> pages)
    {
        var images = pages.ToList();
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes($"<< /Type /Pages /Kids [{string.Join(' ', images.Select((_, i) => $"{3 + 3 * i} 0 R"))}] /Count {images.Count} >>"),
        };
        foreach (var (page, i) in images.Select((p, i) => (p, i)))
        {
            int pageObject = 3 + 3 * i, content = pageObject + 1, image = pageObject + 2;
            objects.Add(Encoding.ASCII.GetBytes(
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>"));
            objects.Add(Stream("", Encoding.ASCII.GetBytes("q 595 0 0 842 0 0 cm /Im0 Do Q")));
            objects.Add(Stream($"/Type /XObject /Subtype /Image /Width {page.Width} /Height {page.Height} /ColorSpace /DeviceGray " +
                "/BitsPerComponent 8 /Filter /FlateDecode", page.ToFlate()));
        }
        return WithCrossReferences(objects, "/Root 1 0 R");
    }

    private static byte[] Stream(string dictionary, byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"<< {dictionary} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8];

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
    private static byte[] WithCrossReferences(string[] objects, string trailer) =>
        WithCrossReferences(objects.Select(Encoding.ASCII.GetBytes).ToList(), trailer);

    private static byte[] WithCrossReferences(IReadOnlyList<byte[]> objects, string trailer)
    {
        using var pdf = new MemoryStream();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        foreach (var body in objects)
        {
            offsets.Add(pdf.Position);
            Write(string.Create(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n"));
            pdf.Write(body);
            Write("\nendobj\n");
        }
        var xref = pdf.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets) Write(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }
}

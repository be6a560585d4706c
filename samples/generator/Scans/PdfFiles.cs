using System.Security.Cryptography;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace ScanPipeline.SampleGenerator.Scans;

/// <summary>Writes image-only scan PDFs (JPEG pages, no text layer) and born-digital PDFs with embedded TrueType text.</summary>
public static class PdfFiles
{
    public static void WriteImageOnly(string path, IReadOnlyList<byte[]> jpegPages)
    {
        using var builder = new PdfDocumentBuilder();
        foreach (var jpeg in jpegPages)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddJpeg(jpeg, new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
        }
        File.WriteAllBytes(path, WithStableId(builder.Build()));
    }

    /// <summary>
    /// PdfPig writes a random file /ID. Replace it, byte length unchanged, with a hash of the content so that
    /// a rerun of the generator gives the same file.
    /// </summary>
    private static byte[] WithStableId(byte[] pdf)
    {
        var marker = "/ID [ <"u8;
        var at = pdf.AsSpan().LastIndexOf(marker);
        if (at < 0) return pdf;
        var hex = Convert.ToHexString(SHA256.HashData(pdf.AsSpan(0, at))[..16]);
        var first = at + marker.Length;
        var second = pdf.AsSpan(first).IndexOf("<"u8) + first + 1;
        System.Text.Encoding.ASCII.GetBytes(hex).CopyTo(pdf, first);
        System.Text.Encoding.ASCII.GetBytes(hex).CopyTo(pdf, second);
        return pdf;
    }

    /// <summary>
    /// The letter as an office program would export it: real text in an embedded TrueType font (PdfPig's
    /// standard Helvetica cannot write "ü"), same positions as the raster pages.
    /// </summary>
    public static void WriteBornDigital(string path, IReadOnlyList<LaidOutPage> pages, TypeStyle style)
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddTrueTypeFont(File.ReadAllBytes(style.Font.RegularPath));
        var bold = builder.AddTrueTypeFont(File.ReadAllBytes(style.Font.BoldPath));
        foreach (var laid in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var height = page.PageSize.Height;
            foreach (var t in laid.Texts)
                page.AddText(t.Text, t.Size, new PdfPoint(t.X, height - t.Y), t.Bold ? bold : regular);
            foreach (var r in laid.Rules)
                page.DrawLine(new PdfPoint(r.X1, height - r.Y1), new PdfPoint(r.X2, height - r.Y2), r.Width);
        }
        File.WriteAllBytes(path, WithStableId(builder.Build()));
    }
}

using System.Globalization;
using System.Text;
using ScanPipeline.IntegrationTests.Infrastructure;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ScanPipeline.IntegrationTests.Imaging;

/// <summary>PDFs built in the tests from real images of the shared data.</summary>
internal static class TestPdfs
{
    /// <summary>A scan-like PDF: each page is one full-page JPEG (DCT) image, placed at 150 dpi, no text.</summary>
    public static byte[] FromJpeg(byte[] jpeg, int widthPixels, int heightPixels, int pages = 1)
    {
        using var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            var (w, h) = (widthPixels * 72.0 / 150, heightPixels * 72.0 / 150);
            var page = builder.AddPage(w, h);
            page.AddJpeg(jpeg, new PdfRectangle(0, 0, w, h));
        }
        return builder.Build();
    }

    /// <summary>A scan-like PDF whose page image is stored Flate-compressed (PdfPig's builder decodes the PNG).</summary>
    public static byte[] FromPng(byte[] png, int widthPixels, int heightPixels)
    {
        using var builder = new PdfDocumentBuilder();
        var (w, h) = (widthPixels * 72.0 / 150, heightPixels * 72.0 / 150);
        builder.AddPage(w, h).AddPng(png, new PdfRectangle(0, 0, w, h));
        return builder.Build();
    }

    /// <summary>Page 1 born-digital text, page 2 a scanned JPEG: a partly scanned document.</summary>
    public static byte[] Mixed(string pageOneText, byte[] jpeg, int widthPixels, int heightPixels)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(595, 842).AddText(pageOneText, 14, new PdfPoint(72, 700), font);
        var (w, h) = (widthPixels * 72.0 / 150, heightPixels * 72.0 / 150);
        builder.AddPage(w, h).AddJpeg(jpeg, new PdfRectangle(0, 0, w, h));
        return builder.Build();
    }

    /// <summary>A well-formed PDF whose page tree is empty (/Count 0), with a correct cross-reference table.</summary>
    public static byte[] ZeroPages()
    {
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var body in new[] { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>" })
        {
            offsets.Add(Encoding.ASCII.GetByteCount(text.ToString()));
            text.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(text.ToString());
        text.Append("xref\n0 3\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>The first <paramref name="percent"/> % of a real file, as a transfer cut short would leave it.</summary>
    public static byte[] Truncated(string relativePath, int percent)
    {
        var bytes = TestData.Read(relativePath);
        return bytes[..(bytes.Length * percent / 100)];
    }
}

using System.Runtime.InteropServices;
using System.Text;
using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Ocr;

/// <summary>
/// Assembles one hOCR document from Tesseract's per-page fragments, with the same XHTML frame as Tesseract's own
/// hOCR renderer. Word boxes refer to the page image as it was read (turned upright and straightened), which is
/// also the page the searchable PDF shows (a straightened JPEG scan is embedded as scanned and turned by the page). In a partly scanned PDF a page read from its text layer has no OCR words:
/// it is an empty <c>ocr_page</c> marked <c>x_source text-layer</c>, so page positions stay aligned with the text and the PDF.
/// </summary>
internal sealed class HocrDocument
{
    private static readonly Lazy<string> EngineVersion = new(() => Marshal.PtrToStringUTF8(TesseractApi.TessVersion()) ?? "");

    private readonly StringBuilder pages = new();

    /// <summary>Appends Tesseract's fragment of the page at <paramref name="pageIndex"/> (made with that index).</summary>
    public void AddOcrPage(string fragment) => pages.Append(fragment);

    public void AddTextLayerPage(int pageIndex) =>
        pages.Append($"  <div class='ocr_page' id='page_{pageIndex + 1}' title='ppageno {pageIndex}; x_source text-layer'>\n  </div>\n");

    public string Build() =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
        + "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
        + " <head>\n"
        + "  <title></title>\n"
        + "  <meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
        + $"  <meta name='ocr-system' content='tesseract {EngineVersion.Value}' />\n"
        + "  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf'/>\n"
        + " </head>\n"
        + " <body>\n"
        + pages
        + " </body>\n"
        + "</html>\n";
}

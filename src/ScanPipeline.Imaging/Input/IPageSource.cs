using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Input;

/// <summary>
/// The pages of one opened original. Page numbers are 1-based. Implementations enforce the limits of
/// <see cref="ImagingOptions"/> and throw <see cref="Core.Documents.PermanentProcessingException"/> for bad input.
/// </summary>
internal interface IPageSource : IDisposable
{
    int PageCount { get; }

    /// <summary>Cheap checks without decoding pixels (headers, limits, damaged structure).</summary>
    void Validate();

    /// <summary>The page's own text (a PDF's text layer), or null when the page has to be OCRed.</summary>
    string? ReadTextLayer(int pageNumber);

    /// <summary>The page as an image for Tesseract; a PDF page with a text layer is rasterised.</summary>
    PageImage LoadImage(int pageNumber);

    /// <summary>
    /// The page for page analysis, which needs only about <paramref name="targetDpi"/>: a JPEG page is decoded
    /// reduced (see <see cref="ImageDecoder.DecodeJpegForAnalysis"/>); other pages as for OCR.
    /// </summary>
    PageImage LoadImageForAnalysis(int pageNumber, int targetDpi) => LoadImage(pageNumber);
}

/// <summary>
/// A decoded page. <see cref="OriginalJpeg"/> is set when the page is a plain JPEG that a PDF may embed unchanged.
/// <see cref="DpiDeclared"/> is false when the file carries no plausible resolution and <see cref="Dpi"/> is a guess.
/// </summary>
internal sealed class PageImage(PixHandle pix, int dpi, byte[]? originalJpeg, bool dpiDeclared = true) : IDisposable
{
    public PixHandle Pix { get; } = pix;
    public int Dpi { get; } = dpi;
    public byte[]? OriginalJpeg { get; } = originalJpeg;
    public bool DpiDeclared { get; } = dpiDeclared;

    public void Dispose() => Pix.Dispose();
}

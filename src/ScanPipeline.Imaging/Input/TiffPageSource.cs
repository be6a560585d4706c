namespace ScanPipeline.Imaging.Input;

/// <summary>A TIFF, single- or multi-page (G4, LZW, JPEG, ...), decoded page by page with leptonica.</summary>
internal sealed class TiffPageSource(ReadOnlyMemory<byte> data, ImagingOptions options) : IPageSource
{
    public int PageCount { get; } = TiffDirectoryCounter.Count(data.Span, options.MaxPagesPerFile);

    /// <summary>Reads every page's header (cheap): a bomb or an unreadable page is found before any decoding.</summary>
    public void Validate()
    {
        for (var page = 1; page <= PageCount; page++)
            ImageDecoder.CheckTiffHeader(data.Span, page - 1, options.MaxPixelsPerPage, What(page));
    }

    public string? ReadTextLayer(int pageNumber) => null;

    public PageImage LoadImage(int pageNumber)
    {
        var pix = ImageDecoder.DecodeTiffPage(data.Span, pageNumber - 1, options.MaxPixelsPerPage, What(pageNumber));
        return new PageImage(pix, ImageDecoder.ResolutionOf(pix), originalJpeg: null);
    }

    public void Dispose() { }

    private static string What(int pageNumber) => $"TIFF page {pageNumber}";
}

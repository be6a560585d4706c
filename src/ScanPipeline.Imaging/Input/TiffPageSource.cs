namespace ScanPipeline.Imaging.Input;

/// <summary>A TIFF, single- or multi-page (G4, LZW, JPEG, ...), decoded page by page with leptonica.</summary>
internal sealed class TiffPageSource(ReadOnlyMemory<byte> data, ImagingOptions options) : IPageSource
{
    public int PageCount { get; } = TiffDirectoryCounter.Count(data.Span, options.MaxPagesPerFile);

    /// <summary>Reads every page's header (cheap): a bomb or an unreadable page is found before any decoding.</summary>
    public void Validate()
    {
        var declared = TiffDirectoryCounter.PageSizes(data.Span, options.MaxPagesPerFile);
        for (var page = 1; page <= declared.Count; page++)
        {
            if (declared[page - 1] is { } size) ImageDecoder.CheckPixels(size.Width, size.Height, options.MaxPixelsPerPage, What(page));
        }
        for (var page = 1; page <= PageCount; page++)
            ImageDecoder.CheckTiffHeader(data.Span, page - 1, options.MaxPixelsPerPage, What(page));
    }

    public string? ReadTextLayer(int pageNumber) => null;

    public PageImage LoadImage(int pageNumber)
    {
        if (TiffDirectoryCounter.PageSizes(data.Span, options.MaxPagesPerFile)[pageNumber - 1] is { } size)
            ImageDecoder.CheckPixels(size.Width, size.Height, options.MaxPixelsPerPage, What(pageNumber));
        var pix = ImageDecoder.DecodeTiffPage(data.Span, pageNumber - 1, options.MaxPixelsPerPage, What(pageNumber));
        return new PageImage(pix, ImageDecoder.ResolutionOf(pix), originalJpeg: null, ImageDecoder.HasDeclaredResolution(pix));
    }

    public void Dispose() { }

    private static string What(int pageNumber) => $"TIFF page {pageNumber}";
}

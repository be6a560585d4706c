using ScanPipeline.Core.Documents;

namespace ScanPipeline.Imaging.Input;

/// <summary>A PNG or JPEG: one page.</summary>
internal sealed class SingleImagePageSource(ReadOnlyMemory<byte> data, string mediaType, ImagingOptions options) : IPageSource
{
    private string What => mediaType == MediaTypes.Jpeg ? "JPEG" : "PNG";

    public int PageCount => 1;

    public void Validate() => ImageDecoder.CheckHeader(data.Span, options.MaxPixelsPerPage, What);

    public string? ReadTextLayer(int pageNumber) => null;

    public PageImage LoadImage(int pageNumber)
    {
        var pix = ImageDecoder.Decode(data.Span, options.MaxPixelsPerPage, What);
        // A gray or RGB JPEG goes into the searchable PDF byte for byte, without a second lossy encoding.
        var keepJpeg = mediaType == MediaTypes.Jpeg && ImageDecoder.SamplesPerPixel(data.Span) is 1 or 3;
        return new PageImage(pix, ImageDecoder.ResolutionOf(pix), keepJpeg ? data.ToArray() : null, ImageDecoder.HasDeclaredResolution(pix));
    }

    public PageImage LoadImageForAnalysis(int pageNumber, int targetDpi) => mediaType == MediaTypes.Jpeg
        ? ImageDecoder.DecodeJpegForAnalysis(data.Span, targetDpi, options.MaxPixelsPerPage, What)
        : LoadImage(pageNumber);

    public void Dispose() { }
}

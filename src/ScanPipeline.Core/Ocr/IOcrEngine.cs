namespace ScanPipeline.Core.Ocr;

/// <summary>
/// Recognised text of one page. <paramref name="Preparation"/> says how the page image was corrected before it was
/// read (and as it appears in the searchable PDF and the hOCR); null for a page read from a PDF text layer.
/// </summary>
public sealed record PageText(int PageNumber, string Text, double MeanConfidence, bool FromTextLayer, PagePreparation? Preparation = null);

/// <summary>
/// What was done to a scanned page before it was read.
/// </summary>
/// <param name="RotatedDegrees">Quarter turns applied to bring a sideways or upside-down page upright: 0, 90, 180 or 270 degrees clockwise.</param>
/// <param name="DeskewedDegrees">Skew removed, in degrees (clockwise positive); 0 when the page was straight enough.</param>
public sealed record PagePreparation(int RotatedDegrees, double DeskewedDegrees)
{
    public static PagePreparation None { get; } = new(0, 0);

    public bool Changed => RotatedDegrees != 0 || DeskewedDegrees != 0;
}

/// <summary>
/// A recognised document: text per page, where made a searchable PDF, and where any page was OCRed its words with
/// their boxes and confidences as one hOCR document (one <c>ocr_page</c> per page, in order; a page read from a PDF
/// text layer is an empty <c>ocr_page</c>). A document read entirely from its text layer has no hOCR.
/// </summary>
public sealed record RecognizedDocument(IReadOnlyList<PageText> Pages, byte[]? SearchablePdf, string? Hocr = null)
{
    /// <summary>Pages are joined by a form feed, the conventional page break of plain text.</summary>
    public string FullText => string.Join('\f', Pages.Select(p => p.Text));
}

/// <summary>
/// Turns a stored original (or selected pages of it) into text. Implementations bound their work
/// (size, pages, pixels, time) and throw <see cref="Documents.PermanentProcessingException"/> for bad input.
/// </summary>
public interface IDocumentRecognizer
{
    /// <param name="pageNumbers">1-based page numbers to read; null reads every page.</param>
    Task<RecognizedDocument> RecognizeAsync(
        ReadOnlyMemory<byte> original, string mediaType, IReadOnlyList<int>? pageNumbers,
        bool makeSearchablePdf, CancellationToken ct);

    /// <summary>Counts the pages of an original without recognising them (also validates it).</summary>
    int CountPages(ReadOnlyMemory<byte> original, string mediaType);

    /// <summary>Starts the OCR engines now instead of on the first page (a worker's start); returns at once.</summary>
    void StartEngines() { }
}

namespace ScanPipeline.Core.Separation;

/// <summary>
/// What page analysis found on one page of a batch original (1-based <see cref="PageNumber"/>).
/// <see cref="InkScore"/> is the ink left after noise, holes and scan edges are discounted, in mm² of paper:
/// 0 for an empty page, a few mm² for a handwritten word, hundreds for a letter page; null where it was not
/// measured (a PDF page with a text layer is never blank).
/// </summary>
public sealed record PageFacts(int PageNumber, bool IsBlank, double? InkScore, IReadOnlyList<string> Barcodes);

/// <summary>
/// Looks at every page of an original before it is cut into documents: blank or not, and which barcodes it
/// carries. Implementations hold untrusted input to the same limits as the recognizer (size, pages, pixels,
/// time) and throw <see cref="Documents.PermanentProcessingException"/> for bad input.
/// </summary>
public interface IPageAnalyzer
{
    /// <param name="readBarcodes">False when the line's rule needs no barcodes (they are then not looked for).</param>
    /// <returns>One entry per page, in page order.</returns>
    Task<IReadOnlyList<PageFacts>> AnalyzeAsync(ReadOnlyMemory<byte> original, string mediaType, bool readBarcodes,
        CancellationToken ct);
}

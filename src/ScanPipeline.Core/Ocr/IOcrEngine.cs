namespace ScanPipeline.Core.Ocr;

/// <summary>Recognised text of one page.</summary>
public sealed record PageText(int PageNumber, string Text, double MeanConfidence, bool FromTextLayer);

/// <summary>A recognised document: text per page and, where made, a searchable PDF.</summary>
public sealed record RecognizedDocument(IReadOnlyList<PageText> Pages, byte[]? SearchablePdf)
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
}

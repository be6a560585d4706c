namespace ScanPipeline.Core.Separation;

/// <summary>A page that is in no document, and why (<see cref="RemovalReasons"/>).</summary>
public sealed record RemovedPage(int PageNumber, string Reason, string? Detail = null);

/// <summary>The documents of a batch (each a list of 1-based page numbers, in order) and the removed pages.</summary>
public sealed record SeparationPlan(int PagesIn, IReadOnlyList<IReadOnlyList<int>> Documents, IReadOnlyList<RemovedPage> Removed)
{
    public int PagesInDocuments => Documents.Sum(d => d.Count);
}

/// <summary>
/// Cuts a batch into documents from its page facts and its line's rule. A pure function: same facts and
/// settings, same plan, so a redelivered batch gives the same documents.
/// <list type="bullet">
/// <item><c>separator-sheet</c>: a page carrying one of the separator codes (matched exactly) ends the current
/// document and is removed. Blank pages are removed wherever they are (the blank back of a separator sheet too).</item>
/// <item><c>blank-page</c>: a blank page ends the current document and is removed; a run of blank pages is one cut.</item>
/// <item><c>one-file-per-document</c>: all non-blank pages are one document; blank pages are removed.</item>
/// <item><c>fixed-page-count</c>: every N scanned pages, counted before anything is removed, are one document,
/// so a blank page never shifts the cut (a form with an intentionally empty page keeps its shape). Blank pages
/// inside a group are then removed. Separator codes are ignored.</item>
/// </list>
/// Segments that end up with no page (two separators in a row, a separator at the start or end, a group of
/// blank pages) make no document.
/// </summary>
public static class BatchSeparator
{
    public static SeparationPlan Separate(IReadOnlyList<PageFacts> pages, SeparationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(settings);
        if (!SeparationRules.All.Contains(settings.Rule))
            throw new ArgumentException($"Unknown separation rule '{settings.Rule}'.", nameof(settings));
        if (settings.Rule == SeparationRules.FixedPageCount && settings.PagesPerDocument < 1)
            throw new ArgumentException("fixed-page-count needs PagesPerDocument of at least 1.", nameof(settings));
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].PageNumber != i + 1)
                throw new ArgumentException($"Page facts must be in page order from 1; entry {i} is page {pages[i].PageNumber}.", nameof(pages));
        }

        var documents = new List<IReadOnlyList<int>>();
        var removed = new List<RemovedPage>();
        var current = new List<int>();

        void EndDocument()
        {
            if (current.Count > 0) documents.Add(current);
            current = [];
        }

        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            switch (settings.Rule)
            {
                case SeparationRules.SeparatorSheet when SeparatorCode(page, settings.SeparatorCodes) is { } code:
                    removed.Add(new RemovedPage(page.PageNumber, RemovalReasons.Separator, code));
                    EndDocument();
                    continue;
                case SeparationRules.FixedPageCount when i > 0 && i % settings.PagesPerDocument == 0:
                    EndDocument();
                    break;
            }

            if (page.IsBlank)
            {
                removed.Add(new RemovedPage(page.PageNumber, RemovalReasons.Blank));
                if (settings.Rule == SeparationRules.BlankPage) EndDocument();
                continue;
            }
            current.Add(page.PageNumber);
        }
        EndDocument();

        return new SeparationPlan(pages.Count, documents, removed);
    }

    /// <summary>The first barcode on the page that is one of the separator codes (exact, case-sensitive), or null.</summary>
    private static string? SeparatorCode(PageFacts page, IReadOnlyList<string> codes) =>
        page.Barcodes.FirstOrDefault(b => codes.Contains(b, StringComparer.Ordinal));
}

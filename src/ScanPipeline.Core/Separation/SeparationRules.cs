namespace ScanPipeline.Core.Separation;

/// <summary>How a scanner line's batches are cut into documents. The names are what the configuration uses.</summary>
public static class SeparationRules
{
    /// <summary>A page with a separator barcode ends the document and is removed (the default).</summary>
    public const string SeparatorSheet = "separator-sheet";

    /// <summary>A blank page ends the document and is removed.</summary>
    public const string BlankPage = "blank-page";

    /// <summary>Each file is one document.</summary>
    public const string OneFilePerDocument = "one-file-per-document";

    /// <summary>Every N scanned pages are one document.</summary>
    public const string FixedPageCount = "fixed-page-count";

    public static readonly IReadOnlyList<string> All = [SeparatorSheet, BlankPage, OneFilePerDocument, FixedPageCount];

    /// <summary>Barcode contents that mark a separator sheet unless a line configures its own: ScanPipeline's and paperless-ngx's.</summary>
    public static readonly IReadOnlyList<string> DefaultSeparatorCodes = ["SCANPIPE-SEP", "PATCHT"];
}

/// <summary>Why a page of a batch is in no document.</summary>
public static class RemovalReasons
{
    /// <summary>The page is empty (for example the back of a page scanned in duplex).</summary>
    public const string Blank = "blank";

    /// <summary>The page is a separator sheet.</summary>
    public const string Separator = "separator";
}

/// <summary>A scanner line's rule with its parameters.</summary>
/// <param name="SeparatorCodes">Exact barcode contents that mark a separator sheet (rule <see cref="SeparationRules.SeparatorSheet"/>).</param>
/// <param name="PagesPerDocument">N for <see cref="SeparationRules.FixedPageCount"/>.</param>
public sealed record SeparationSettings(string Rule, IReadOnlyList<string> SeparatorCodes, int PagesPerDocument = 0)
{
    public static SeparationSettings Default { get; } = new(SeparationRules.SeparatorSheet, SeparationRules.DefaultSeparatorCodes);

    /// <summary>Only the separator-sheet rule looks at barcodes; the others need no barcode reading at all.</summary>
    public bool NeedsBarcodes => Rule == SeparationRules.SeparatorSheet;
}

using ScanPipeline.Core.Separation;

namespace ScanPipeline.Tests.Separation;

/// <summary>The pure cut: page facts plus a line's rule give the documents and the removed pages.</summary>
public sealed class BatchSeparatorTests
{
    /// <summary>
    /// A batch written as one letter per page: L = letter page, B = blank, S = separator sheet (SCANPIPE-SEP),
    /// P = paperless's PATCHT sheet, X = a page whose barcode is some other code (an ASN label, not a separator).
    /// </summary>
    private static List<PageFacts> Batch(string pages) => pages.Select((kind, i) => kind switch
    {
        'L' => new PageFacts(i + 1, false, 800, []),
        'B' => new PageFacts(i + 1, true, 0.4, []),
        'S' => new PageFacts(i + 1, false, 1200, ["SCANPIPE-SEP"]),
        'P' => new PageFacts(i + 1, false, 1200, ["PATCHT"]),
        'X' => new PageFacts(i + 1, false, 900, ["ASN00123"]),
        _ => throw new ArgumentOutOfRangeException(nameof(pages), kind, null),
    }).ToList();

    private static string Show(SeparationPlan plan) =>
        string.Join(" | ", plan.Documents.Select(d => string.Join(",", d))) + " ; " +
        string.Join(" ", plan.Removed.Select(r => $"{r.PageNumber}:{r.Reason}"));

    [Theory]
    [InlineData("LLSLL", "1,2 | 4,5 ; 3:separator")]
    [InlineData("LBLBSBLB", "1,3 | 7 ; 2:blank 4:blank 5:separator 6:blank 8:blank")]   // duplex: blank backs, blank back of the sheet
    [InlineData("SLLPL", "2,3 | 5 ; 1:separator 4:separator")]                         // a sheet first, PATCHT accepted by default
    [InlineData("LSSL", "1 | 4 ; 2:separator 3:separator")]                            // two sheets in a row: no empty document
    [InlineData("LLS", "1,2 ; 3:separator")]                                           // a sheet at the end
    [InlineData("LXL", "1,2,3 ; ")]                                                    // other codes are content, not separators
    [InlineData("BBB", " ; 1:blank 2:blank 3:blank")]                                  // nothing left: no document
    public void Separator_sheets_end_documents_and_blank_pages_are_removed(string pages, string expected)
    {
        var plan = BatchSeparator.Separate(Batch(pages), SeparationSettings.Default);

        Assert.Equal(expected, Show(plan));
        Assert.Equal(plan.PagesIn, plan.PagesInDocuments + plan.Removed.Count);
    }

    [Fact]
    public void A_separator_is_removed_with_the_code_that_made_it_one()
    {
        var plan = BatchSeparator.Separate(Batch("LPL"), SeparationSettings.Default);

        Assert.Equal(new RemovedPage(2, RemovalReasons.Separator, "PATCHT"), Assert.Single(plan.Removed));
    }

    [Theory]
    [InlineData("LSLXL", "1 | 3 | 5 ; 2:separator 4:separator")]   // only the line's own codes count
    [InlineData("LPL", "1,2,3 ; ")]                           // PATCHT is no separator on this line
    public void A_line_with_its_own_codes_matches_exactly_those(string pages, string expected)
    {
        var settings = new SeparationSettings(SeparationRules.SeparatorSheet, ["SCANPIPE-SEP", "ASN00123"]);

        Assert.Equal(expected, Show(BatchSeparator.Separate(Batch(pages), settings)));
    }

    [Fact]
    public void Codes_match_exactly_not_by_prefix_or_case()
    {
        var pages = new List<PageFacts>
        {
            new(1, false, 800, []),
            new(2, false, 800, ["scanpipe-sep"]),
            new(3, false, 800, ["SCANPIPE-SEP2"]),
            new(4, false, 800, ["PATCH"]),
        };

        var plan = BatchSeparator.Separate(pages, SeparationSettings.Default);

        Assert.Equal([1, 2, 3, 4], Assert.Single(plan.Documents));
        Assert.Empty(plan.Removed);
    }

    [Theory]
    [InlineData("LBLLBBL", "1 | 3,4 | 7 ; 2:blank 5:blank 6:blank")]   // a run of blanks is one cut
    [InlineData("BLLB", "2,3 ; 1:blank 4:blank")]
    [InlineData("LSL", "1,2,3 ; ")]                                    // barcodes mean nothing under this rule
    public void Blank_page_rule_cuts_at_blank_pages(string pages, string expected)
    {
        var settings = new SeparationSettings(SeparationRules.BlankPage, SeparationRules.DefaultSeparatorCodes);

        Assert.Equal(expected, Show(BatchSeparator.Separate(Batch(pages), settings)));
    }

    [Theory]
    [InlineData("LBLSL", "1,3,4,5 ; 2:blank")]
    [InlineData("L", "1 ; ")]
    public void One_file_per_document_keeps_every_non_blank_page_together(string pages, string expected)
    {
        var settings = new SeparationSettings(SeparationRules.OneFilePerDocument, SeparationRules.DefaultSeparatorCodes);

        Assert.Equal(expected, Show(BatchSeparator.Separate(Batch(pages), settings)));
    }

    [Theory]
    [InlineData(2, "LLLLLL", "1,2 | 3,4 | 5,6 ; ")]
    [InlineData(2, "LBLLL", "1 | 3,4 | 5 ; 2:blank")]            // a blank page never shifts the cut
    [InlineData(2, "BBLL", "3,4 ; 1:blank 2:blank")]             // a group of blank pages makes no document
    [InlineData(3, "LLSLL", "1,2,3 | 4,5 ; ")]                   // separator codes are ignored
    public void Fixed_page_count_groups_scanned_pages_before_blank_pages_are_removed(int perDocument, string pages, string expected)
    {
        var settings = new SeparationSettings(SeparationRules.FixedPageCount, SeparationRules.DefaultSeparatorCodes, perDocument);

        Assert.Equal(expected, Show(BatchSeparator.Separate(Batch(pages), settings)));
    }

    [Fact]
    public void The_same_facts_give_the_same_plan()
    {
        var facts = Batch("LBLSLLPBL");

        Assert.Equal(Show(BatchSeparator.Separate(facts, SeparationSettings.Default)), Show(BatchSeparator.Separate(facts, SeparationSettings.Default)));
    }

    [Fact]
    public void Bad_settings_and_facts_out_of_order_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BatchSeparator.Separate(Batch("LL"), new SeparationSettings("by-colour", [])));
        Assert.Throws<ArgumentException>(() => BatchSeparator.Separate(Batch("LL"),
            new SeparationSettings(SeparationRules.FixedPageCount, [], PagesPerDocument: 0)));
        Assert.Throws<ArgumentException>(() => BatchSeparator.Separate([new PageFacts(2, false, 1, [])], SeparationSettings.Default));
    }
}

using ScanPipeline.Core.Separation;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;

namespace ScanPipeline.Tests.Separation;

/// <summary>The separation record in the metadata store: reconciled, complete, written once.</summary>
public sealed class SeparationRecordTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private MetadataStore NewStore()
    {
        var store = new MetadataStore(Path.Combine(_temp.Path, "scanpipe.db"));
        store.RecordBatchReceived(new BatchRecord("b-1", "scanstrasse-1", new string('a', 64), "stapel.tif", "image/tiff", 100,
            DateTimeOffset.Parse("2026-03-03T08:00:00Z"), BatchStatus.Received));
        return store;
    }

    private static SeparationRecord Record(string rule = SeparationRules.SeparatorSheet) => new("b-1", rule, 6,
        [new SeparatedDocument(0, "d-0", [1, 2]), new SeparatedDocument(1, "d-1", [5])],
        [new RemovedPage(3, RemovalReasons.Blank), new RemovedPage(4, RemovalReasons.Separator, "PATCHT"), new RemovedPage(6, RemovalReasons.Blank)]);

    [Fact]
    public void A_record_is_stored_with_its_counts_and_read_back_whole()
    {
        var store = NewStore();

        store.RecordSeparation(Record());

        Assert.Equivalent(Record(), store.FindSeparation("b-1"), strict: true);
        var batch = store.FindBatch("b-1")!;
        Assert.Equal((BatchStatus.Split, 6, 3, 3, 2), (batch.Status, batch.PagesIn, batch.PagesInDocuments, batch.PagesRemoved, batch.DocumentCount));
    }

    [Fact]
    public void The_first_record_wins_and_is_what_a_second_writer_gets_back()
    {
        var store = NewStore();
        store.RecordSeparation(Record());
        var other = new SeparationRecord("b-1", SeparationRules.OneFilePerDocument, 6,
            [new SeparatedDocument(0, "d-0", [1, 2, 4, 5])], [new RemovedPage(3, "blank"), new RemovedPage(6, "blank")]);

        var stored = store.RecordSeparation(other);

        Assert.Equivalent(Record(), stored, strict: true);
        Assert.Equivalent(Record(), store.FindSeparation("b-1"), strict: true);
        Assert.Equal(2, store.FindBatch("b-1")!.DocumentCount);
    }

    public static TheoryData<string> Broken => new() { "counts", "page-twice", "page-missing", "index-gap", "empty-document" };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_record_that_does_not_account_for_every_page_exactly_once_is_refused(string kind)
    {
        var store = NewStore();
        var record = kind switch
        {
            "counts" => Record() with { PagesIn = 7 },
            "page-twice" => Record() with { Documents = [new SeparatedDocument(0, "d-0", [1, 2]), new SeparatedDocument(1, "d-1", [2])] },
            "page-missing" => Record() with { Removed = [new RemovedPage(3, "blank"), new RemovedPage(4, "separator"), new RemovedPage(4, "blank")] },
            "index-gap" => Record() with { Documents = [new SeparatedDocument(0, "d-0", [1, 2]), new SeparatedDocument(2, "d-2", [5])] },
            _ => Record() with { Documents = [new SeparatedDocument(0, "d-0", [1, 2]), new SeparatedDocument(1, "d-1", [5]), new SeparatedDocument(2, "d-2", [])], PagesIn = 6 },
        };

        Assert.Throws<InvalidOperationException>(() => store.RecordSeparation(record));
        Assert.Null(store.FindSeparation("b-1"));
        Assert.Equal(BatchStatus.Received, store.FindBatch("b-1")!.Status);
    }

    [Fact]
    public void A_quarantined_batch_keeps_its_status_but_gets_its_record()
    {
        var store = NewStore();
        store.RecordBatchQuarantined("b-1", "no-documents", "all pages removed");

        store.RecordSeparation(Record());

        Assert.NotNull(store.FindSeparation("b-1"));
        Assert.Equal(BatchStatus.Quarantined, store.FindBatch("b-1")!.Status);
    }

    public void Dispose() => _temp.Dispose();
}

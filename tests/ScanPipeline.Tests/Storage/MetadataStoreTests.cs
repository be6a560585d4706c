using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;

namespace ScanPipeline.Tests.Storage;

public sealed class MetadataStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private MetadataStore NewStore() => new(Path.Combine(_temp.Path, "scanpipe.db"));

    private static BatchRecord Batch(string id) =>
        new(id, "scanstrasse-1", new string('a', 64), "brief.tif", "image/tiff", 100, DateTimeOffset.Parse("2026-03-03T08:00:00Z"), BatchStatus.Received);

    [Fact]
    public void Page_counts_that_do_not_reconcile_are_refused()
    {
        var store = NewStore();
        store.RecordBatchReceived(Batch("b-1"));
        Assert.Throws<InvalidOperationException>(() => store.RecordBatchSplit("b-1", pagesIn: 5, pagesInDocuments: 3, pagesRemoved: 1, documentCount: 1));
        store.RecordBatchSplit("b-1", pagesIn: 5, pagesInDocuments: 4, pagesRemoved: 1, documentCount: 2);
        var batch = store.FindBatch("b-1")!;
        Assert.Equal((5, 4, 1, 2), (batch.PagesIn, batch.PagesInDocuments, batch.PagesRemoved, batch.DocumentCount));
    }

    [Fact]
    public void A_late_split_redelivery_does_not_hide_a_quarantine()
    {
        var store = NewStore();
        store.RecordBatchReceived(Batch("b-2"));
        store.RecordBatchSplit("b-2", 2, 2, 0, 1);
        store.RecordBatchQuarantined("b-2", "corrupt-file", "page 2 unreadable");
        store.RecordBatchSplit("b-2", 2, 2, 0, 1);

        var batch = store.FindBatch("b-2")!;
        Assert.Equal(BatchStatus.Quarantined, batch.Status);
        Assert.Equal("corrupt-file", batch.ReasonCode);
    }

    [Fact]
    public void A_second_receipt_keeps_the_first_record_and_an_inbox_item_is_filed_once()
    {
        var store = NewStore();
        store.RecordBatchReceived(Batch("b-3"));
        store.RecordBatchReceived(Batch("b-3") with { FileName = "anderer-name.tif" });
        Assert.Equal("brief.tif", store.FindBatch("b-3")!.FileName);

        var received = DateTimeOffset.Parse("2026-03-03T08:00:00Z");
        var item = new InboxItem("d-1", "63", "Bauantrag", 0.9, "rule", "v1", "b-3", "scanstrasse-1", "brief.tif", 1,
            received, received.AddSeconds(5), 5, "neu", new string('b', 64), null);
        Assert.True(store.AddInboxItem(item));
        Assert.False(store.AddInboxItem(item with { Department = "20" }));
        Assert.Equal("63", Assert.Single(store.ListInboxByBatch("b-3")).Department);
        Assert.Empty(store.ListInbox("20"));
    }

    public void Dispose() => _temp.Dispose();
}

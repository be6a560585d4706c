using System.Text;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;

namespace ScanPipeline.Tests.Web.Dashboard;

/// <summary>What the dashboard reads from the stores: by time, with the boundaries where they belong.</summary>
public sealed class DashboardStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly MetadataStore _metadata;

    public DashboardStoreTests() => _metadata = new MetadataStore(_temp.Combine("scanpipe.db"));

    public void Dispose() => _temp.Dispose();

    private void Batch(string id, string line, DateTimeOffset at, int? pages)
    {
        _metadata.RecordBatchReceived(new BatchRecord(id, line, new string('a', 64), "scan.tif", "image/tiff", 100, at, BatchStatus.Received));
        if (pages is { } n) _metadata.RecordBatchSplit(id, n, n, 0, 1);
    }

    [Fact]
    public void Batch_pages_since_a_time_leave_out_earlier_and_unsplit_batches()
    {
        Batch("b-1", "scanstrasse-1", T0.AddMinutes(-1), 50);
        Batch("b-2", "scanstrasse-1", T0, 7);
        Batch("b-3", "scanstrasse-2", T0.AddMinutes(30), 3);
        Batch("b-4", "scanstrasse-2", T0.AddMinutes(31), null);

        var pages = _metadata.ListBatchPagesSince(T0);

        Assert.Equal([new BatchPages("scanstrasse-1", T0, 7), new BatchPages("scanstrasse-2", T0.AddMinutes(30), 3)], pages);
    }

    [Fact]
    public void Queue_depths_are_recorded_listed_from_a_time_and_pruned_before_one()
    {
        _metadata.RecordQueueDepths(T0, [("scanpipe.ocr", 3), ("scanpipe.ocr.dlq", 1)]);
        _metadata.RecordQueueDepths(T0.AddSeconds(30), [("scanpipe.ocr", 5)]);
        _metadata.RecordQueueDepths(T0.AddSeconds(30), [("scanpipe.ocr", 99)]); // the same reading again changes nothing

        Assert.Equal(
            [new QueueDepthSample(T0.AddSeconds(30), "scanpipe.ocr", 5)],
            _metadata.ListQueueDepthsSince(T0.AddSeconds(1)));
        Assert.Equal(2, _metadata.PruneQueueDepths(T0.AddSeconds(30)));
        Assert.Single(_metadata.ListQueueDepthsSince(T0.AddDays(-1)));
    }

    [Fact]
    public void Quarantined_files_since_a_time_include_resolved_ones_and_skip_older_ones()
    {
        var quarantine = new QuarantineStore(_temp.Sub("quarantine"));
        var open = quarantine.Add(Encoding.UTF8.GetBytes("kaputt 1"), "corrupt-file", "Die Datei ist beschädigt.", null, "a.pdf", "scanstrasse-1", null);
        var resolved = quarantine.Add(Encoding.UTF8.GetBytes("kaputt 2"), "unknown-format", "Unbekanntes Format.", null, "b.bin", "scanstrasse-1", null);
        quarantine.Resolve(resolved.Id, new QuarantineResolution(QuarantineAction.Discard, "Testseite", "olaf", DateTimeOffset.UtcNow));

        var recent = quarantine.ListQuarantinedSince(DateTimeOffset.UtcNow.AddHours(-24));
        Assert.Equal([open.Id, resolved.Id], recent.Select(r => r.Id).Order());

        Assert.Empty(quarantine.ListQuarantinedSince(DateTimeOffset.UtcNow.AddMinutes(1)));
    }
}

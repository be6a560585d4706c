using ScanPipeline.Storage;
using ScanPipeline.Web.Dashboard;

namespace ScanPipeline.Tests.Web.Dashboard;

public sealed class BacklogHistoryTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeAxis Day = new(Midnight, Midnight.AddDays(1), TimeSpan.FromMinutes(10));

    private static QueueDepthSample Sample(int minute, string queue, long ready) => new(Midnight.AddMinutes(minute), queue, ready);

    [Fact]
    public void Each_bucket_holds_the_highest_reading_and_buckets_without_readings_are_empty()
    {
        QueueDepthSample[] samples =
        [
            Sample(0, "scanpipe.ocr", 3), Sample(5, "scanpipe.ocr", 9), Sample(9, "scanpipe.ocr", 4),
            Sample(30, "scanpipe.ocr", 0),
        ];

        var series = BacklogHistory.PerQueue(samples, ["scanpipe.ocr"], Day).Single();

        Assert.Equal("scanpipe.ocr", series.Queue);
        Assert.Equal(144, series.MaxPerBucket.Count);
        Assert.Equal(9, series.MaxPerBucket[0]);
        Assert.Null(series.MaxPerBucket[1]);
        Assert.Null(series.MaxPerBucket[2]);
        Assert.Equal(0, series.MaxPerBucket[3]);
        Assert.Equal(9, series.Peak);
    }

    [Fact]
    public void Series_follow_the_given_queue_order_and_leave_out_other_queues_and_readings_off_the_axis()
    {
        QueueDepthSample[] samples =
        [
            Sample(0, "inbox.63", 1), Sample(0, "scanpipe.split", 2), Sample(0, "scanpipe.ocr.dlq", 7),
            Sample(-5, "scanpipe.ocr", 8), Sample(24 * 60, "scanpipe.ocr", 8),
        ];

        var series = BacklogHistory.PerQueue(samples, ["scanpipe.split", "scanpipe.ocr", "inbox.63"], Day);

        Assert.Equal(["scanpipe.split", "inbox.63"], series.Select(s => s.Queue));
        Assert.Equal([2L, 1L], series.Select(s => s.Peak));
    }
}

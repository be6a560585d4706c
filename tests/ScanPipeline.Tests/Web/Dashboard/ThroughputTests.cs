using ScanPipeline.Storage;
using ScanPipeline.Web.Dashboard;

namespace ScanPipeline.Tests.Web.Dashboard;

/// <summary>The dashboard's time axis and pages-per-minute figures, on a fixed clock in Europe/Berlin.</summary>
public sealed class ThroughputTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    /// <summary>Wednesday 4 March 2026, 10:30 in Berlin (UTC+1).</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 30, 0, TimeSpan.FromHours(1));

    private static DateTimeOffset At(int hour, int minute, int day = 4) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_day_starts_at_local_midnight_and_has_144_ten_minute_buckets()
    {
        var day = TimeAxis.Day(Now, Berlin, TenMinutes);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 23, 0, 0, TimeSpan.Zero), day.Start);
        Assert.Equal(At(0, 0, day: 5), day.End);
        Assert.Equal(144, day.BucketCount);
        Assert.Equal(0, day.BucketOf(At(0, 0)));
        Assert.Equal(62, day.BucketOf(At(10, 29)));
        Assert.Equal(63, day.BucketOf(At(10, 30)));
        Assert.Null(day.BucketOf(At(23, 59, day: 3)));
        Assert.Null(day.BucketOf(At(0, 0, day: 5)));
        Assert.Equal(At(10, 30), day.BucketStart(63));
    }

    [Theory]
    [InlineData("2026-03-29T12:00:00+02:00", 138)] // clocks go forward: a 23-hour day
    [InlineData("2026-10-25T12:00:00+01:00", 150)] // clocks go back: a 25-hour day
    public void A_day_with_a_clock_change_has_fewer_or_more_buckets(string now, int buckets)
    {
        var day = TimeAxis.Day(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Berlin, TenMinutes);
        Assert.Equal(buckets, day.BucketCount);
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(day.Start, Berlin).TimeOfDay);
    }

    [Fact]
    public void Pages_per_minute_over_the_last_hour_and_since_the_first_batch_of_the_day()
    {
        var day = TimeAxis.Day(Now, Berlin, TenMinutes);
        BatchPages[] batches =
        [
            new("scanstrasse-1", At(8, 30), 60),   // first of the day, outside the last hour
            new("scanstrasse-1", At(9, 45), 30),   // inside the last hour
            new("scanstrasse-1", At(10, 25), 30),
            new("scanstrasse-2", At(10, 0), 12),
        ];

        var lines = Throughput.PerLine(["scanstrasse-1", "scanstrasse-2"], batches, Now, day);

        var first = lines[0];
        Assert.Equal("scanstrasse-1", first.ScannerLine);
        Assert.Equal(60, first.PagesLastHour);
        Assert.Equal(1.0, first.PagesPerMinuteLastHour, precision: 6);
        Assert.Equal(120, first.PagesToday);
        Assert.Equal(1.0, first.PagesPerMinuteToday, precision: 6); // 120 pages in the 120 minutes since 08:30
        Assert.Equal(60, first.PagesPerBucket[day.BucketOf(At(8, 30))!.Value]);
        Assert.Equal(30, first.PagesPerBucket[day.BucketOf(At(9, 45))!.Value]);
        Assert.Equal(120, first.PagesPerBucket.Sum());

        var second = lines[1];
        Assert.Equal(12, second.PagesLastHour);
        Assert.Equal(0.2, second.PagesPerMinuteLastHour, precision: 6);
        Assert.Equal(0.4, second.PagesPerMinuteToday, precision: 6); // 12 pages in the 30 minutes since 10:00
    }

    [Fact]
    public void An_idle_configured_line_shows_zeros_and_a_line_no_longer_configured_is_listed_after_the_configured_ones()
    {
        var day = TimeAxis.Day(Now, Berlin, TenMinutes);
        var lines = Throughput.PerLine(["scanstrasse-2", "scanstrasse-1"], [new BatchPages("altgeraet", At(10, 0), 5)], Now, day);

        Assert.Equal(["scanstrasse-2", "scanstrasse-1", "altgeraet"], lines.Select(l => l.ScannerLine));
        var idle = lines[0];
        Assert.Equal((0, 0.0, 0, 0.0), (idle.PagesLastHour, idle.PagesPerMinuteLastHour, idle.PagesToday, idle.PagesPerMinuteToday));
        Assert.Equal(day.BucketCount, idle.PagesPerBucket.Count);
        Assert.All(idle.PagesPerBucket, pages => Assert.Equal(0, pages));
        Assert.Equal(5, lines[2].PagesToday);
    }

    [Fact]
    public void Shortly_after_midnight_the_last_hour_reaches_into_yesterday_but_today_does_not()
    {
        var now = At(0, 20);
        var day = TimeAxis.Day(now, Berlin, TenMinutes);
        BatchPages[] batches = [new("scanstrasse-1", At(23, 50, day: 3), 40), new("scanstrasse-1", At(0, 10), 20)];

        var line = Throughput.PerLine(["scanstrasse-1"], batches, now, day).Single();

        Assert.Equal(60, line.PagesLastHour);
        Assert.Equal(20, line.PagesToday);
        Assert.Equal(2.0, line.PagesPerMinuteToday, precision: 6); // 20 pages in the 10 minutes since 00:10
        Assert.Equal(20, line.PagesPerBucket.Sum());
    }

    [Fact]
    public void A_batch_that_just_arrived_is_divided_by_at_least_one_minute_and_one_from_the_future_is_left_out()
    {
        var day = TimeAxis.Day(Now, Berlin, TenMinutes);
        BatchPages[] batches = [new("scanstrasse-1", Now.AddSeconds(-10), 25), new("scanstrasse-1", Now.AddMinutes(5), 1000)];

        var line = Throughput.PerLine(["scanstrasse-1"], batches, Now, day).Single();

        Assert.Equal(25, line.PagesToday);
        Assert.Equal(25.0, line.PagesPerMinuteToday, precision: 6);
        Assert.Equal(25, line.PagesLastHour);
    }
}

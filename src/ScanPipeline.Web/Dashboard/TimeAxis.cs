namespace ScanPipeline.Web.Dashboard;

/// <summary>
/// A span of time cut into buckets of equal width, e.g. today in 10-minute buckets: the x axis of the dashboard's
/// charts. <see cref="Start"/> and <see cref="End"/> are instants, so a day with a clock change simply has
/// 138 or 150 buckets instead of 144.
/// </summary>
public sealed record TimeAxis(DateTimeOffset Start, DateTimeOffset End, TimeSpan BucketWidth)
{
    /// <summary>The local calendar day (in <paramref name="zone"/>) that contains <paramref name="now"/>.</summary>
    public static TimeAxis Day(DateTimeOffset now, TimeZoneInfo zone, TimeSpan bucketWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bucketWidth, TimeSpan.Zero);
        var midnight = TimeZoneInfo.ConvertTime(now, zone).Date;
        var nextMidnight = midnight.AddDays(1);
        return new TimeAxis(new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)),
            new DateTimeOffset(nextMidnight, zone.GetUtcOffset(nextMidnight)), bucketWidth);
    }

    public int BucketCount => (int)Math.Ceiling((End - Start) / BucketWidth);

    /// <summary>The bucket that holds <paramref name="at"/>, or null outside the axis.</summary>
    public int? BucketOf(DateTimeOffset at) => at < Start || at >= End ? null : (int)((at - Start) / BucketWidth);

    public DateTimeOffset BucketStart(int index) => Start + BucketWidth * index;
}

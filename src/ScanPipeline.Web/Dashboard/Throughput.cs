using ScanPipeline.Storage;

namespace ScanPipeline.Web.Dashboard;

/// <summary>
/// One scanner line's throughput. Pages count when their batch arrived (<see cref="BatchPages.ReceivedAt"/>).
/// <see cref="PagesPerMinuteToday"/> divides today's pages by the minutes since the line's first batch of the day
/// (at least one minute), so that the hours before the mailroom opened do not water the figure down.
/// </summary>
public sealed record LineThroughput(
    string ScannerLine,
    int PagesLastHour,
    double PagesPerMinuteLastHour,
    int PagesToday,
    double PagesPerMinuteToday,
    IReadOnlyList<int> PagesPerBucket);

/// <summary>Pages per minute per scanner line, and pages per bucket of the day for the throughput charts.</summary>
public static class Throughput
{
    public static readonly TimeSpan LastHour = TimeSpan.FromHours(1);

    /// <summary>
    /// The figures of every configured line (in configuration order, idle ones with zeros), then of any other line
    /// that sent batches (a line since removed from the configuration), by name. Batches after <paramref name="now"/>
    /// (clock skew between machines) are left out.
    /// </summary>
    public static IReadOnlyList<LineThroughput> PerLine(IEnumerable<string> configuredLines, IReadOnlyList<BatchPages> batches,
        DateTimeOffset now, TimeAxis day)
    {
        var configured = configuredLines.Distinct(StringComparer.Ordinal).ToList();
        var others = batches.Select(b => b.ScannerLine).Distinct(StringComparer.Ordinal)
            .Where(line => !configured.Contains(line, StringComparer.Ordinal)).Order(StringComparer.Ordinal);
        return [.. configured.Concat(others).Select(line => ForLine(line, batches.Where(b => b.ScannerLine == line && b.ReceivedAt <= now), now, day))];
    }

    private static LineThroughput ForLine(string line, IEnumerable<BatchPages> batches, DateTimeOffset now, TimeAxis day)
    {
        var buckets = new int[day.BucketCount];
        int lastHour = 0, today = 0;
        DateTimeOffset? firstToday = null;
        foreach (var batch in batches)
        {
            if (batch.ReceivedAt > now - LastHour) lastHour += batch.Pages;
            if (batch.ReceivedAt < day.Start) continue;
            today += batch.Pages;
            if (firstToday is null || batch.ReceivedAt < firstToday) firstToday = batch.ReceivedAt;
            if (day.BucketOf(batch.ReceivedAt) is { } bucket) buckets[bucket] += batch.Pages;
        }
        var minutesToday = firstToday is { } first ? Math.Max(1, (now - first).TotalMinutes) : 1;
        return new LineThroughput(line, lastHour, lastHour / LastHour.TotalMinutes, today, today / minutesToday, buckets);
    }
}

using ScanPipeline.Storage;

namespace ScanPipeline.Web.Dashboard;

/// <summary>One queue's backlog over the day: the highest depth sampled in each bucket, null where none was sampled.</summary>
public sealed record QueueHistory(string Queue, IReadOnlyList<long?> MaxPerBucket)
{
    public long Peak => MaxPerBucket.Max() ?? 0;
}

/// <summary>Turns the sampler's readings into one series per queue on the charts' time axis.</summary>
public static class BacklogHistory
{
    /// <summary>
    /// The series of each of <paramref name="queues"/> (in that order) that has at least one sample on the axis.
    /// The maximum per bucket keeps a short peak visible that an average or the last reading would hide.
    /// </summary>
    public static IReadOnlyList<QueueHistory> PerQueue(IEnumerable<QueueDepthSample> samples, IReadOnlyList<string> queues, TimeAxis axis)
    {
        var series = new Dictionary<string, long?[]>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (axis.BucketOf(sample.SampledAt) is not { } bucket || !queues.Contains(sample.Queue, StringComparer.Ordinal)) continue;
            if (!series.TryGetValue(sample.Queue, out var values)) series[sample.Queue] = values = new long?[axis.BucketCount];
            values[bucket] = Math.Max(values[bucket] ?? 0, sample.Ready);
        }
        return [.. queues.Where(series.ContainsKey).Select(queue => new QueueHistory(queue, series[queue]))];
    }
}

namespace ScanPipeline.Benchmarks.Runs;

/// <summary>Page counts after which a worker samples its memory: early pages, every 50th, and the last.</summary>
public static class Checkpoints
{
    public static IReadOnlySet<int> For(int pages)
    {
        var set = new SortedSet<int> { 1, 10, 25, pages };
        for (var k = 50; k <= pages; k += 50) set.Add(k);
        set.RemoveWhere(k => k > pages);
        return set;
    }
}

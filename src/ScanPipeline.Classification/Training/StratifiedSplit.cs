namespace ScanPipeline.Classification.Training;

/// <summary>A seeded split that keeps every label's share: each label with n ≥ 2 examples puts between 1 and n-1 into validation.</summary>
internal static class StratifiedSplit
{
    public static (List<T> Train, List<T> Validation) Split<T>(IReadOnlyList<T> items, Func<T, string> labelOf, double validationFraction, int seed)
    {
        var random = new Random(seed);
        var train = new List<T>();
        var validation = new List<T>();
        foreach (var group in items.GroupBy(labelOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var take = members.Length < 2 ? 0 : Math.Clamp((int)Math.Round(members.Length * validationFraction), 1, members.Length - 1);
            validation.AddRange(members.Take(take));
            train.AddRange(members.Skip(take));
        }
        return (train, validation);
    }

    /// <summary>
    /// Seeded stratified k-fold: every label's examples are shuffled and dealt round-robin over the folds
    /// (continuing where the previous label stopped, so the folds stay even in size). Every example is in
    /// exactly one validation part; a label with n ≥ 2 examples keeps at least one in every training part.
    /// </summary>
    public static IReadOnlyList<(List<T> Train, List<T> Validation)> Folds<T>(IReadOnlyList<T> items, Func<T, string> labelOf, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var foldOf = new int[items.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => labelOf(items[i]), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var i in members) foldOf[i] = next++ % folds;
        }
        var result = new List<(List<T>, List<T>)>(folds);
        for (var f = 0; f < folds; f++)
        {
            var train = new List<T>();
            var validation = new List<T>();
            for (var i = 0; i < items.Count; i++) (foldOf[i] == f ? validation : train).Add(items[i]);
            result.Add((train, validation));
        }
        return result;
    }
}

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
}

using ScanPipeline.Classification.Data;

namespace ScanPipeline.Tests.Classification;

/// <summary>Paths to the shared real test data (../shared/data from the repository root) and small corpora cut from it.</summary>
internal static class ClassificationTestData
{
    public static string SharedData(params string[] parts) => Infrastructure.Repository.SharedData(parts);

    /// <summary>No extractor is needed for .txt corpora; being asked for one is a bug.</summary>
    public static Task<string> NoExtraction(string path, CancellationToken ct) =>
        throw new InvalidOperationException($"Unexpected non-text file {path}");

    /// <summary>The first <paramref name="perLabel"/> articles (by file name) of some 10kGNAD labels.</summary>
    public static async Task<IReadOnlyList<LabeledText>> TenKGnadAsync(string split, IReadOnlyList<string> labels, int perLabel = int.MaxValue)
    {
        var all = await LabeledFolder.LoadAsync(SharedData("10kgnad", split), NoExtraction);
        return all.Examples
            .Where(e => labels.Contains(e.Label))
            .GroupBy(e => e.Label)
            .SelectMany(g => g.Take(perLabel))
            .ToList();
    }
}

using System.Text.Json;
using ScanPipeline.IntegrationTests.Infrastructure;

namespace ScanPipeline.IntegrationTests.Separation;

/// <summary>samples/batches/expected.json: the generated batches and their known answers.</summary>
public static class SampleBatches
{
    public sealed record Document(int[] Pages, string DocumentType, string Department, string Subject);

    public sealed record Removal(int Page, string Reason, string? Code);

    public sealed record Batch(string File, string Rule, int Pages, Document[] Documents, Removal[] Removed);

    public static IReadOnlyList<Batch> All { get; } =
        JsonSerializer.Deserialize<List<Batch>>(File.ReadAllText(Repository.Path("samples/batches/expected.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public static Batch Named(string file) => All.Single(b => b.File == file);

    public static byte[] Read(string file) => File.ReadAllBytes(Repository.Path("samples/batches/" + file));
}

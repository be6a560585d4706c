using System.Text.Json.Nodes;
using ScanPipeline.Classification.Models;

namespace ScanPipeline.Tests.Classification;

/// <summary>Test set-up: edits a copied model folder's manifest.json to simulate other versions or damage.</summary>
internal static class ManifestEditing
{
    public static void Edit(string modelDirectory, Action<JsonObject> edit)
    {
        var path = Path.Combine(modelDirectory, ModelManifest.FileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    /// <summary>Turns a copied model folder into version <paramref name="version"/> created at <paramref name="createdAt"/>.</summary>
    public static void MakeVersion(string modelDirectory, string version, DateTimeOffset createdAt) =>
        Edit(modelDirectory, m =>
        {
            m["version"] = version;
            m["createdAt"] = createdAt.ToString("O");
        });
}

using System.Text;
using System.Text.Json;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Cli;

/// <summary>
/// The admin's and the operator's model commands, run as the real binary: train, list, promote (with the
/// gate), rollback, verify / forward as corrections, and retraining that includes them.
/// </summary>
public sealed class ModelLifecycleCliTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "scanpipe-cli", Guid.NewGuid().ToString("N"));

    public ModelLifecycleCliTests() => Directory.CreateDirectory(_temp);

    public void Dispose()
    {
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }

    /// <summary>The first <paramref name="perType"/> training letters of every type, copied into a new folder.</summary>
    private string TrainingSubset(string name, int perType)
    {
        var target = Path.Combine(_temp, name);
        foreach (var typeDir in Directory.GetDirectories(Repository.Path("samples/training/train")))
        {
            var dir = Directory.CreateDirectory(Path.Combine(target, Path.GetFileName(typeDir))).FullName;
            foreach (var file in Directory.GetFiles(typeDir).Order(StringComparer.Ordinal).Take(perType))
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }
        return target;
    }

    private static async Task<string> TrainAsync(string data, string models, IReadOnlyDictionary<string, string>? environment = null,
        params string[] extra)
    {
        var before = Directory.Exists(models) ? Directory.GetDirectories(models).ToHashSet() : [];
        var result = await ScanpipeProcess.RunAsync(environment, ["model", "train", "--data", data, "--out", models, .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return Path.GetFileName(Assert.Single(Directory.GetDirectories(models), d => !before.Contains(d) && !Path.GetFileName(d).StartsWith('.')));
    }

    private static async Task<JsonElement> ListAsync(string models)
    {
        var result = await ScanpipeProcess.RunAsync("model", "list", "--models", models, "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Fact]
    public async Task Promote_passes_the_gate_refuses_a_worse_model_unless_forced_and_rollback_goes_back()
    {
        var models = Path.Combine(_temp, "models");
        var good = await TrainAsync(TrainingSubset("good", 20), models);
        var weak = await TrainAsync(TrainingSubset("weak", 2), models);
        var heldOut = Repository.Path("samples/training/test");

        var promoteGood = await ScanpipeProcess.RunAsync("model", "promote", good, "--models", models, "--data", heldOut);
        Assert.True(promoteGood.ExitCode == 0, promoteGood.Stderr + promoteGood.Stdout);
        Assert.Contains($"Modell {good} ist jetzt aktiv", promoteGood.Stdout);
        Assert.Contains("300 zurückgehaltenen Dokumenten", promoteGood.Stdout);

        var refused = await ScanpipeProcess.RunAsync("model", "promote", weak, "--models", models, "--data", heldOut);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("Abgelehnt", refused.Stderr);
        Assert.Equal(good, (await ListAsync(models)).GetProperty("active").GetString());

        var forced = await ScanpipeProcess.RunAsync("model", "promote", weak, "--models", models, "--data", heldOut, "--force");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        var list = await ListAsync(models);
        Assert.Equal(weak, list.GetProperty("active").GetString());
        Assert.Equal(good, list.GetProperty("history")[0].GetProperty("version").GetString());
        Assert.Equal(2, list.GetProperty("versions").GetArrayLength());
        Assert.All(list.GetProperty("versions").EnumerateArray(), v => Assert.InRange(v.GetProperty("validationMacroF1").GetDouble(), 0.01, 1));

        var rollback = await ScanpipeProcess.RunAsync("model", "rollback", "--models", models);
        Assert.True(rollback.ExitCode == 0, rollback.Stderr);
        Assert.Contains($"{weak} → {good}", rollback.Stdout);
        Assert.Equal(good, (await ListAsync(models)).GetProperty("active").GetString());

        var table = await ScanpipeProcess.RunAsync("model", "list", "--models", models);
        Assert.Contains($"Aktiv: {good}", table.Stdout);

        var unknown = await ScanpipeProcess.RunAsync("model", "promote", "2099-01-01-000000", "--models", models, "--data", heldOut);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("gibt es in", unknown.Stderr);
    }

    [Fact]
    public async Task Verify_and_forward_record_corrections_that_retraining_includes()
    {
        var dataDirectory = Path.Combine(_temp, "store");
        var environment = new Dictionary<string, string> { ["SCANPIPE_Storage__DataDirectory"] = dataDirectory };
        var metadata = new MetadataStore(Path.Combine(dataDirectory, "scanpipe.db"));
        var blobs = new FileBlobStore(Path.Combine(dataDirectory, "blobs"));
        var letter = File.ReadAllText(Directory.GetFiles(Repository.Path("samples/training/test/Widerspruch")).Order(StringComparer.Ordinal).First());
        var textSha = await blobs.PutAsync(Encoding.UTF8.GetBytes(letter));
        var at = DateTimeOffset.Parse("2026-03-03T08:00:00Z");
        const string unsure = "d-000000000000000000c1", misrouted = "d-000000000000000000c2";
        metadata.AddInboxItem(new InboxItem(unsure, Routing.VerificationTarget, "Wohngeldantrag", 0.38, "low-confidence", "v", "b-1",
            "scanstrasse-1", "brief.tif", 1, at, at, 1, InboxStatus.New, textSha, null));
        metadata.AddInboxItem(new InboxItem(misrouted, "50", "Wohngeldantrag", 0.71, "rule", "v", "b-1",
            "scanstrasse-1", "brief2.tif", 1, at, at, 1, InboxStatus.New, textSha, null));

        var verify = await ScanpipeProcess.RunAsync(environment, "verify", unsure, "--type", "Widerspruch", "--by", "poststelle");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("jetzt Widerspruch bei 30 Rechtsamt", verify.Stdout);

        var needsType = await ScanpipeProcess.RunAsync(environment, "inbox", "forward", misrouted, "--department", "32");
        Assert.Equal(2, needsType.ExitCode);
        Assert.Contains("Bußgeld-Einspruch", needsType.Stderr);
        var forward = await ScanpipeProcess.RunAsync(environment, "inbox", "forward", misrouted, "--department", "30");
        Assert.True(forward.ExitCode == 0, forward.Stderr);
        Assert.Equal("30", metadata.FindInboxItem(misrouted)!.Department);

        var corrections = await ScanpipeProcess.RunAsync(environment, "model", "corrections", "--json");
        using (var json = JsonDocument.Parse(corrections.Stdout))
            Assert.Equal(["verification", "reroute"], json.RootElement.EnumerateArray().Select(c => c.GetProperty("source").GetString()));

        var data = TrainingSubset("data", 3);
        var models = Path.Combine(_temp, "models");
        var plain = await TrainAsync(data, models, environment);
        var withCorrections = await TrainAsync(data, models, environment, "--include-corrections");
        Assert.NotEqual(plain, withCorrections);
        int Widersprueche(string version)
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(models, version, "manifest.json")));
            return manifest.RootElement.GetProperty("exampleCounts").GetProperty("Widerspruch").GetInt32();
        }
        Assert.Equal(Widersprueche(plain) + 2, Widersprueche(withCorrections));
    }
}

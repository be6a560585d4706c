using System.Text.Json;
using ScanPipeline.Core.Documents;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Cli;

/// <summary>The commands later issues and users rely on, run as the real binary on the real engines.</summary>
public sealed class CliCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "scanpipe-cli", Guid.NewGuid().ToString("N"));

    public CliCommandTests() => Directory.CreateDirectory(_temp);

    [RequiresTesseractFact]
    public async Task Ocr_writes_every_page_to_stdout_separated_by_form_feeds()
    {
        var result = await ScanpipeProcess.RunAsync("ocr", "samples/scans/05-rechnung-g4.tif");

        Assert.Equal(0, result.ExitCode);
        var pages = result.Stdout.TrimEnd('\n').Split('\f');
        Assert.Equal(3, pages.Length);
        Assert.Contains("Rechnung", pages[0]);
        Assert.All(pages, p => Assert.True(p.Trim().Length > 20, "a page without text"));
    }

    [RequiresTesseractFact]
    public async Task Ocr_of_many_files_writes_one_text_file_each_and_reports_a_broken_one_without_crashing()
    {
        var result = await ScanpipeProcess.RunAsync("ocr", "samples/scans/12-gewerbeanmeldung-digital.pdf",
            "samples/scans/02-beschwerde-gray.jpg", "samples/scans/25-abgebrochener-scan.pdf", "--out", _temp);

        Assert.Equal(1, result.ExitCode);   // one input failed
        Assert.Contains("Gewerbe", File.ReadAllText(Path.Combine(_temp, "12-gewerbeanmeldung-digital.txt")));
        Assert.Contains("Beschwerde", File.ReadAllText(Path.Combine(_temp, "02-beschwerde-gray.txt")));
        Assert.False(File.Exists(Path.Combine(_temp, "25-abgebrochener-scan.txt")));
        Assert.Contains("25-abgebrochener-scan.pdf", result.Stderr);
        Assert.Contains("beschädigt", result.Stderr);
        Assert.DoesNotContain("Unhandled exception", result.Stderr);
    }

    [RequiresTesseractFact]
    public async Task Classify_json_names_type_department_and_confidence()
    {
        var result = await ScanpipeProcess.RunAsync("classify", "samples/scans/21-bauantrag-g4.tif", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Bauantrag", json.RootElement.GetProperty("documentType").GetString());
        Assert.Equal("63", json.RootElement.GetProperty("department").GetString());
        var confidence = json.RootElement.GetProperty("confidence").GetDouble();
        Assert.InRange(confidence, 0.6, 1.0);
    }

    [RequiresTesseractFact]
    public async Task Model_train_then_evaluate_json_reports_per_class_metrics()
    {
        // A small corpus from the shipped training data: three types, twelve letters each, plus two scans.
        var data = Path.Combine(_temp, "data");
        foreach (var type in new[] { "Bauantrag", "Rechnung", "Widerspruch" })
        {
            Directory.CreateDirectory(Path.Combine(data, type));
            foreach (var file in Directory.EnumerateFiles(Repository.Path($"samples/training/train/{type}")).Order().Take(12))
                File.Copy(file, Path.Combine(data, type, Path.GetFileName(file)));
        }
        File.Copy(Repository.Path("samples/scans/21-bauantrag-g4.tif"), Path.Combine(data, "Bauantrag", "scan.tif"));
        var models = Path.Combine(_temp, "models");

        var train = await ScanpipeProcess.RunAsync("model", "train", "--data", data, "--out", models);
        Assert.True(train.ExitCode == 0, train.Stderr);
        var version = Assert.Single(Directory.GetDirectories(models));
        Assert.True(File.Exists(Path.Combine(version, "model.zip")));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(version, "manifest.json"))))
        {
            Assert.Equal(37, manifest.RootElement.GetProperty("exampleCounts").EnumerateObject().Sum(p => p.Value.GetInt32()));
            Assert.Equal(3, manifest.RootElement.GetProperty("labels").GetArrayLength());
        }

        var test = Repository.Path("samples/training/test");
        var evaluate = await ScanpipeProcess.RunAsync("model", "evaluate", "--model", version, "--data", test, "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.Stderr);
        using var report = JsonDocument.Parse(evaluate.Stdout);
        var root = report.RootElement;
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("macroF1").GetDouble(), 0, 1);
        var bauantrag = root.GetProperty("perClass").GetProperty("Bauantrag");
        Assert.Equal(25, bauantrag.GetProperty("support").GetInt32());
        Assert.True(bauantrag.GetProperty("recall").GetDouble() > 0.8);
        foreach (var key in new[] { "precision", "f1" }) Assert.InRange(bauantrag.GetProperty(key).GetDouble(), 0, 1);
        // Types the three-type model never saw count as errors, so accuracy is at most 3/12.
        Assert.True(root.GetProperty("accuracy").GetDouble() <= 0.25 + 1e-9);
    }

    [Fact]
    public async Task Inbox_list_shows_one_departments_documents_and_refuses_an_unknown_department()
    {
        var dataDirectory = Path.Combine(_temp, "store");
        var metadata = new MetadataStore(Path.Combine(dataDirectory, "scanpipe.db"));
        var received = DateTimeOffset.Parse("2026-03-03T08:00:00Z");
        foreach (var (id, department, type) in new[] { ("d-00000000000000000001", "63", "Bauantrag"), ("d-00000000000000000002", "20", "Rechnung") })
            metadata.AddInboxItem(new InboxItem(id, department, type, 0.97, "rule", "test", "b-1", "scanstrasse-1", $"{type}.tif", 2,
                received, received.AddSeconds(9), 9, "neu", new string('a', 64), null));
        var environment = new Dictionary<string, string> { ["SCANPIPE_Storage__DataDirectory"] = dataDirectory };

        var list = await ScanpipeProcess.RunAsync(environment, "inbox", "list", "--department", "63", "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        using var json = JsonDocument.Parse(list.Stdout);
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("d-00000000000000000001", item.GetProperty("documentId").GetString());
        Assert.Equal("Bauantrag", item.GetProperty("documentType").GetString());

        var table = await ScanpipeProcess.RunAsync(environment, "inbox", "list", "--department", "63");
        Assert.Contains("Postkorb 63 Bauordnungsamt: 1 Dokument(e)", table.Stdout);

        var unknown = await ScanpipeProcess.RunAsync(environment, "inbox", "list", "--department", "99");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unbekannter Fachbereich", unknown.Stderr);
    }

    public void Dispose()
    {
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }
}

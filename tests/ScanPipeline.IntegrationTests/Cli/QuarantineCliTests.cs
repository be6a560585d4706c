using System.Text.Json;
using ScanPipeline.Core.Documents;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Cli;

/// <summary><c>scanpipe quarantine list|show|retry|discard</c> on a real store, as an operator uses them.</summary>
public sealed class QuarantineCliTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "scanpipe-cli", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task An_operator_lists_shows_retries_into_the_hot_folder_and_discards_with_a_reason()
    {
        var data = Path.Combine(_temp, "store");
        var hotFolder = Path.Combine(_temp, "hot", "linie-1");
        var environment = new Dictionary<string, string>
        {
            ["SCANPIPE_Storage__DataDirectory"] = data,
            ["SCANPIPE_Ingest__ScannerLines__0__Name"] = "linie-1",
            ["SCANPIPE_Ingest__ScannerLines__0__HotFolder"] = hotFolder,
        };
        var store = new QuarantineStore(Path.Combine(data, "quarantine"));
        var metadata = new MetadataStore(Path.Combine(data, "scanpipe.db"));
        var broken = File.ReadAllBytes(Repository.Path("samples/scans/25-abgebrochener-scan.pdf"));
        var batchId = Ids.BatchId(Ids.Sha256Hex(broken));
        metadata.RecordBatchReceived(new BatchRecord(batchId, "linie-1", Ids.Sha256Hex(broken), "abgebrochen.pdf", MediaTypes.Pdf,
            broken.Length, DateTimeOffset.UtcNow, BatchStatus.Received));
        metadata.RecordBatchQuarantined(batchId, ReasonCodes.CorruptFile, "xref fehlt");
        var pdf = store.Add(broken, ReasonCodes.CorruptFile, "Die Datei ist beschädigt.", "xref fehlt", "../../abgebrochen.pdf", "linie-1", batchId);
        var png = store.Add(File.ReadAllBytes(Repository.Path("samples/scans/04-bewerbung-gray.png")), ReasonCodes.UnknownFormat,
            "Unbekanntes Format.", null, "bewerbung.png", "linie-1", null);

        var list = await ScanpipeProcess.RunAsync(environment, "quarantine", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        using (var json = JsonDocument.Parse(list.Stdout))
            Assert.Equal(new[] { pdf.Id, png.Id }.Order(), json.RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order());

        var show = await ScanpipeProcess.RunAsync(environment, "quarantine", "show", pdf.Id);
        Assert.Contains("xref fehlt", show.Stdout);
        Assert.Contains(pdf.OriginalSha256, show.Stdout);
        var notAnId = await ScanpipeProcess.RunAsync(environment, "quarantine", "show", "../etc");
        Assert.Equal(2, notAnId.ExitCode);

        // Retry: the untouched original goes back into the line's hot folder under its own file name only.
        var retry = await ScanpipeProcess.RunAsync(environment, "quarantine", "retry", pdf.Id, "--by", "poststelle");
        Assert.True(retry.ExitCode == 0, retry.Stderr);
        var delivered = Assert.Single(Directory.GetFiles(hotFolder));
        Assert.Equal("abgebrochen.pdf", Path.GetFileName(delivered));
        Assert.Equal(broken, File.ReadAllBytes(delivered));
        Assert.Equal(BatchStatus.Received, metadata.FindBatch(batchId)!.Status);

        var needsReason = await ScanpipeProcess.RunAsync(environment, "quarantine", "discard", png.Id, "--reason", " ");
        Assert.Equal(2, needsReason.ExitCode);
        var discard = await ScanpipeProcess.RunAsync(environment, "quarantine", "discard", png.Id, "--reason", "Werbung, kein Posteingang", "--by", "poststelle");
        Assert.True(discard.ExitCode == 0, discard.Stderr);

        var open = await ScanpipeProcess.RunAsync(environment, "quarantine", "list", "--json");
        using (var json = JsonDocument.Parse(open.Stdout)) Assert.Empty(json.RootElement.EnumerateArray());
        var resolved = await ScanpipeProcess.RunAsync(environment, "quarantine", "list", "--resolved", "--json");
        using (var json = JsonDocument.Parse(resolved.Stdout))
        {
            var decisions = json.RootElement.EnumerateArray().ToDictionary(
                i => i.GetProperty("item").GetProperty("id").GetString()!, i => i.GetProperty("resolution"));
            Assert.Equal("retry", decisions[pdf.Id].GetProperty("action").GetString());
            Assert.Equal("discard", decisions[png.Id].GetProperty("action").GetString());
            Assert.Equal("Werbung, kein Posteingang", decisions[png.Id].GetProperty("reason").GetString());
            Assert.Equal("poststelle", decisions[png.Id].GetProperty("actor").GetString());
        }
        // Nothing was deleted: both originals are kept with their decision.
        Assert.Equal(2, Directory.GetFiles(store.ResolvedRoot, "original.*", SearchOption.AllDirectories).Length);
        // A closed item is not open any more: retrying it again is refused.
        Assert.Equal(2, (await ScanpipeProcess.RunAsync(environment, "quarantine", "retry", png.Id)).ExitCode);
    }
}

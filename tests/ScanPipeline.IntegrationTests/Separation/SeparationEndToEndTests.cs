using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Documents;
using ScanPipeline.IntegrationTests.Cli;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Hosting;
using UglyToad.PdfPig;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Separation;

/// <summary>
/// Mixed batches through the whole mailroom (real broker, Tesseract, the shipped model and rules): dropped into two
/// scanner lines with different separation rules, each batch must become exactly its expected documents, each in
/// its department's inbox and the e-file store with only its own pages, and <c>scanpipe batch show</c> must
/// reconcile every batch.
/// </summary>
public sealed class SeparationEndToEndTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>, IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "scanpipe-e2e-separation", Guid.NewGuid().ToString("N"));

    /// <summary>Line 1 cuts at separator sheets (the default), line 2 at blank pages.</summary>
    private static readonly string[] Rules = ["separator-sheet", "blank-page"];

    private string HotFolder(int line) => TestPipeline.HotFolder(_work, line);

    private IHost BuildHost() => TestPipeline.Build(broker, output, _work, separationRules: Rules);

    [RequiresPipelineFact]
    public async Task Mixed_batches_become_the_right_documents_in_the_right_inboxes_and_batch_show_reconciles()
    {
        using var host = BuildHost();
        await host.StartAsync();
        await host.Services.GetRequiredService<TopologyReadiness>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var shaOf = new Dictionary<string, string>();
        foreach (var batch in SampleBatches.All)
        {
            var bytes = SampleBatches.Read(batch.File);
            shaOf[batch.File] = Ids.Sha256Hex(bytes);
            var folder = HotFolder(Array.IndexOf(Rules, batch.Rule));
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, batch.File + ".part"), bytes);
            File.Move(Path.Combine(folder, batch.File + ".part"), Path.Combine(folder, batch.File));
        }

        var tracker = new BatchTracker(host.Services.GetRequiredService<MetadataStore>(), host.Services.GetRequiredService<QuarantineStore>());
        await Eventually.UntilAsync(() => Task.FromResult(SampleBatches.All.Count(b => tracker.Outcome(shaOf[b.File]).IsDone)),
            done => done == SampleBatches.All.Count, "every batch to be filed", TimeSpan.FromMinutes(6));

        var efiles = host.Services.GetRequiredService<EFileStore>();
        var environment = new Dictionary<string, string> { ["SCANPIPE_Storage__DataDirectory"] = Path.Combine(_work, "data") };
        foreach (var batch in SampleBatches.All)
        {
            var sha = shaOf[batch.File];
            var outcome = tracker.Outcome(sha);
            Assert.Null(outcome.Quarantine);
            Assert.Equal(batch.Documents.Length, outcome.Documents.Count);
            for (var i = 0; i < batch.Documents.Length; i++)
            {
                var expected = batch.Documents[i];
                var filed = Assert.Single(outcome.Documents, d => d.DocumentId == Ids.DocumentId(sha, i));
                Assert.True(expected.Department == filed.Department,
                    $"{batch.File} document {i + 1} ({expected.Subject}): expected {expected.DocumentType} → {expected.Department}, " +
                    $"got {filed.DocumentType} → {filed.Department} ({filed.Confidence:P1})");
                Assert.Equal(expected.Pages.Length, filed.PageCount);

                // The e-file record holds this document's pages only, and says how the batch was cut.
                var record = efiles.ReadMetadata(filed.DocumentId)!;
                Assert.Empty(efiles.Verify(filed.DocumentId));
                Assert.Equal(expected.Pages, record.PageNumbers);
                using (var pdf = PdfDocument.Open(Path.Combine(efiles.PathFor(filed.DocumentId), "document.pdf")))
                    Assert.Equal(expected.Pages.Length, pdf.NumberOfPages);
                Assert.Equal((batch.Pages, expected.Pages.Length, batch.Removed.Length),
                    (record.TransferNote.PagesScanned, record.TransferNote.PagesInDocument, record.TransferNote.PagesRemoved));
            }

            // scanpipe batch show --json: the stored record, reconciled, with each document's destination.
            var show = await ScanpipeProcess.RunAsync(environment, "batch", "show", Ids.BatchId(sha), "--json");
            Assert.True(show.ExitCode == 0, show.Stderr);
            using var json = JsonDocument.Parse(show.Stdout);
            var root = json.RootElement;
            Assert.True(root.GetProperty("reconciles").GetBoolean());
            Assert.Equal(batch.Rule, root.GetProperty("rule").GetString());
            Assert.Equal(batch.Pages, root.GetProperty("pagesIn").GetInt32());
            Assert.Equal(batch.Pages - batch.Removed.Length, root.GetProperty("pagesInDocuments").GetInt32());
            Assert.Equal(batch.Removed.Select(r => (r.Page, r.Reason, r.Code)),
                root.GetProperty("removedPages").EnumerateArray().Select(p => (p.GetProperty("pageNumber").GetInt32(),
                    p.GetProperty("reason").GetString()!, p.GetProperty("detail").GetString())));
            Assert.Equal(batch.Documents.Select(d => (string.Join(",", d.Pages), d.Department)),
                root.GetProperty("documents").EnumerateArray().Select(d => (
                    string.Join(",", d.GetProperty("pages").EnumerateArray().Select(p => p.GetInt32())), d.GetProperty("target").GetString()!)));
        }

        // The German table for one batch: removed pages with their German reasons, the counts and the check.
        var first = SampleBatches.All[0];
        var table = await ScanpipeProcess.RunAsync(environment, "batch", "show", Ids.BatchId(shaOf[first.File]));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains($"{first.Pages} eingegangen = {first.Pages - first.Removed.Length} in Dokumenten + {first.Removed.Length} entfernt", table.Stdout);
        Assert.Contains("Seitenzahlen stimmen überein.", table.Stdout);
        Assert.Contains("Trennblatt", table.Stdout);
        var unknown = await ScanpipeProcess.RunAsync(environment, "batch", "show", "b-00000000000000000000");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("nicht gefunden", unknown.Stderr);

        // Nothing left behind: hot folders and work folders empty, queues drained, no dead letters.
        Assert.Empty(Directory.EnumerateFiles(HotFolder(0)).Concat(Directory.EnumerateFiles(HotFolder(1))));
        Assert.Empty(Directory.EnumerateFileSystemEntries(TestPipeline.WorkFolder(_work)));
        await host.StopAsync();
        var rules = host.Services.GetRequiredService<Core.Configuration.RoutingRules>();
        foreach (var queue in Topology.WorkQueues(rules.Departments.Select(d => d.Code)))
        {
            Assert.True((await broker.Inspector.CountAsync(queue.Name, CancellationToken.None))?.Ready == 0, $"queue {queue.Name} not empty");
            Assert.True((await broker.Inspector.CountAsync(Topology.DeadLetterQueue(queue.Name), CancellationToken.None))?.Ready == 0,
                $"dead-letter queue of {queue.Name} not empty");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}

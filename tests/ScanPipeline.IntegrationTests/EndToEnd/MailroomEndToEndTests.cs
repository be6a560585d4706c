using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.EndToEnd;

/// <summary>
/// The whole mailroom on real components: the shipped model, the shipped routing rules, Tesseract, a real
/// broker (a fresh virtual host) and the stores in a temp folder. The bundled sample scans are dropped into
/// two scanner lines' hot folders and must arrive in the expected department inboxes and the e-file store.
/// </summary>
public sealed class MailroomEndToEndTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>, IDisposable
{
    private sealed record ExpectedScan(string File, string? DocumentType, string? Department, int Pages, bool TextLayer, string? QuarantineReason);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "scanpipe-e2e", Guid.NewGuid().ToString("N"));

    private static IReadOnlyList<ExpectedScan> Expected() =>
        JsonSerializer.Deserialize<List<ExpectedScan>>(File.ReadAllText(Repository.Path("samples/scans/expected.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private IHost BuildHost(string roles = "all") => TestPipeline.Build(broker, output, _work, roles);

    private string HotFolder(int line) => TestPipeline.HotFolder(_work, line);

    [RequiresPipelineFact]
    public async Task Sample_scans_arrive_in_the_expected_inboxes_and_in_the_e_file_store()
    {
        var expected = Expected();
        Directory.CreateDirectory(Path.Combine(_work, "ocr-work"));
        using var host = BuildHost();
        await host.StartAsync();
        await host.Services.GetRequiredService<TopologyReadiness>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        // An e-file the Bauordnungsamt already keeps: the law firm's Widerspruch names it as "Ihr Zeichen".
        host.Services.GetRequiredService<MetadataStore>().RegisterCaseFile(
            new CaseFile("63/WL-31522", "63", "Bauantrag Wohnhaus, Ablehnung", DateTimeOffset.UtcNow));

        // Dropped as a scanner does: written under a temporary name, renamed once complete.
        var shaOf = new Dictionary<string, string>();
        for (var i = 0; i < expected.Count; i++)
        {
            var bytes = File.ReadAllBytes(Repository.Path("samples/scans/" + expected[i].File));
            shaOf[expected[i].File] = Ids.Sha256Hex(bytes);
            var folder = HotFolder(i % 2);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, expected[i].File + ".part"), bytes);
            File.Move(Path.Combine(folder, expected[i].File + ".part"), Path.Combine(folder, expected[i].File));
        }

        var tracker = new BatchTracker(host.Services.GetRequiredService<MetadataStore>(), host.Services.GetRequiredService<QuarantineStore>());
        await Eventually.UntilAsync(() => Task.FromResult(expected.Count(e => tracker.Outcome(shaOf[e.File]).IsDone)),
            done => done == expected.Count, "every sample to be filed or quarantined", TimeSpan.FromMinutes(5));

        var metadata = host.Services.GetRequiredService<MetadataStore>();
        var efiles = host.Services.GetRequiredService<EFileStore>();
        var blobs = host.Services.GetRequiredService<Core.Storage.IBlobStore>();
        int ibansInGroundTruth = 0, ibansFound = 0;
        foreach (var scan in expected)
        {
            var outcome = tracker.Outcome(shaOf[scan.File]);
            Assert.True(blobs.Exists(shaOf[scan.File]), $"{scan.File}: original not in the blob store");
            if (scan.QuarantineReason is not null)
            {
                Assert.Empty(outcome.Documents);
                Assert.NotNull(outcome.Quarantine);
                Assert.Equal(scan.QuarantineReason, outcome.Quarantine!.ReasonCode);
                continue;
            }
            var document = Assert.Single(outcome.Documents);
            Assert.True(scan.Department == document.Department,
                $"{scan.File}: expected {scan.DocumentType} → {scan.Department}, got {document.DocumentType} → {document.Department} ({document.Confidence:P1})");
            Assert.Equal(scan.DocumentType, document.DocumentType);
            Assert.Equal(scan.Pages, document.PageCount);

            // Counts reconcile per batch: pages scanned = pages in documents + pages removed.
            var batch = outcome.Batch!;
            Assert.Equal(scan.Pages, batch.PagesIn);
            Assert.Equal(batch.PagesIn, batch.PagesInDocuments + batch.PagesRemoved);

            // The e-file record: complete, every artifact matching its recorded hash.
            var record = efiles.ReadMetadata(document.DocumentId);
            Assert.NotNull(record);
            Assert.Empty(efiles.Verify(document.DocumentId));
            var original = record!.Artifacts.Single(a => a.FileName.StartsWith("original.", StringComparison.Ordinal));
            Assert.Equal(shaOf[scan.File], original.Sha256);
            Assert.Contains(record.Artifacts, a => a.FileName == "document.pdf");
            var text = File.ReadAllText(Path.Combine(efiles.PathFor(document.DocumentId), "text.txt"));
            Assert.True(text.Split([' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries).Length > 40, $"{scan.File}: too little text");
            Assert.Equal(scan.TextLayer ? scan.Pages : 0, record.TransferNote.PagesFromTextLayer);
            // Word boxes: one hOCR page per scanned page, each with its words; none for a born-digital document.
            if (scan.TextLayer)
            {
                Assert.DoesNotContain(record.Artifacts, a => a.FileName == "document.hocr");
            }
            else
            {
                Assert.Contains(record.Artifacts, a => a.FileName == "document.hocr");
                var hocrPages = Preparation.Hocr.Parse(File.ReadAllText(Path.Combine(efiles.PathFor(document.DocumentId), "document.hocr"))).Pages;
                Assert.Equal(scan.Pages, hocrPages.Count);
                Assert.All(hocrPages, page => Assert.True(page.Words.Count > 10, $"{scan.File}: page {page.PageNumber} has {page.Words.Count} words"));
            }
            Assert.Equal(scan.Department, record.Target);

            // Key fields: every IBAN of the letter's ground truth that OCR read with valid check digits, and the e-file link.
            var fields = record.Fields!;
            var groundTruth = File.ReadAllText(Repository.Path($"samples/scans/groundtruth/{scan.File}.txt"));
            if (scan.TextLayer) Assert.All(GroundTruthIbans(groundTruth), iban => Assert.Contains(iban, fields.Ibans));
            ibansInGroundTruth += GroundTruthIbans(groundTruth).Count;
            ibansFound += GroundTruthIbans(groundTruth).Count(fields.Ibans.Contains);
            Assert.Equal(scan.File == "09-widerspruch-g4.tif" ? "63/WL-31522" : null, record.CaseFileReference);
        }
        // OCR may misread a digit of an IBAN, which its check digits then reject; most must come through.
        Assert.True(ibansFound >= ibansInGroundTruth * 0.75, $"{ibansFound} of {ibansInGroundTruth} IBANs read");
        Assert.Single(metadata.ListDocumentsOfCaseFile("63/WL-31522"));

        // Per department exactly as many documents as expected, and nothing left behind anywhere.
        var expectedCounts = expected.Where(e => e.Department is not null).GroupBy(e => e.Department!)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedCounts.OrderBy(p => p.Key), metadata.CountInboxByDepartment().OrderBy(p => p.Key));
        Assert.Equal(expectedCounts.Values.Sum(), efiles.ListDocumentIds().Count());
        Assert.Empty(Directory.EnumerateFiles(HotFolder(0)).Concat(Directory.EnumerateFiles(HotFolder(1))));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_work, "ocr-work")));

        // Every work queue drained, every dead-letter queue empty (after stopping, nothing is held unacked).
        await host.StopAsync();
        var rules = host.Services.GetRequiredService<Core.Configuration.RoutingRules>();
        foreach (var queue in Topology.WorkQueues(rules.Departments.Select(d => d.Code)))
        {
            var count = await broker.Inspector.CountAsync(queue.Name, CancellationToken.None);
            Assert.True(count?.Ready == 0, $"queue {queue.Name} holds {count?.Ready} messages");
            var dead = await broker.Inspector.CountAsync(Topology.DeadLetterQueue(queue.Name), CancellationToken.None);
            Assert.True(dead?.Ready == 0, $"dead-letter queue of {queue.Name} holds {dead?.Ready} messages");
        }
    }

    [RequiresPipelineFact]
    public async Task Processes_with_different_roles_share_the_work_and_each_runs_only_its_stages()
    {
        var samples = new[] { "03-bewerbung-g4.tif", "12-gewerbeanmeldung-digital.pdf", "20-kitaanmeldung-gray.jpg" };
        var expected = Expected().Where(e => samples.Contains(e.File)).ToList();
        Directory.CreateDirectory(Path.Combine(_work, "ocr-work"));
        using var front = BuildHost("ingest,split,deliver");
        await front.StartAsync();
        await front.Services.GetRequiredService<TopologyReadiness>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Directory.CreateDirectory(HotFolder(0));
        foreach (var file in samples)
        {
            File.Copy(Repository.Path("samples/scans/" + file), Path.Combine(HotFolder(0), file + ".part"));
            File.Move(Path.Combine(HotFolder(0), file + ".part"), Path.Combine(HotFolder(0), file));
        }

        // Without an OCR process the captured documents wait in the OCR queue: the front process runs no OCR.
        await Eventually.UntilAsync(async () => (await broker.Inspector.CountAsync(Topology.OcrQueue, CancellationToken.None))?.Ready ?? 0,
            ready => ready == samples.Length, "the documents to wait in the OCR queue");
        var tracker = new BatchTracker(front.Services.GetRequiredService<MetadataStore>(), front.Services.GetRequiredService<QuarantineStore>());
        Assert.All(expected, e => Assert.False(tracker.Outcome(Ids.Sha256Hex(File.ReadAllBytes(Repository.Path("samples/scans/" + e.File)))).IsDone));

        // A second process with the OCR and classify roles picks them up; the front process delivers.
        using var back = BuildHost("ocr,classify");
        await back.StartAsync();
        foreach (var scan in expected)
        {
            var sha = Ids.Sha256Hex(File.ReadAllBytes(Repository.Path("samples/scans/" + scan.File)));
            await Eventually.UntilAsync(() => tracker.Outcome(sha).IsDone, $"{scan.File} to be filed", TimeSpan.FromMinutes(3));
            Assert.Equal(scan.Department, Assert.Single(tracker.Outcome(sha).Documents).Department);
        }
        await back.StopAsync();
        await front.StopAsync();
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private static List<string> GroundTruthIbans(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"IBAN[^\n]*?\b(DE\d{2}(?: ?\d{4}){4} ?\d{2})")
            .Select(m => m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal)).ToList();
}

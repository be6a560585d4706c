using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScanPipeline.Core.Documents;
using ScanPipeline.IntegrationTests.Cli;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.EndToEnd;

/// <summary>
/// The hostile corpus: the 120 real-world PDFs of pdf.js bug reports (../shared/data/pdfjs) and a broken-image
/// corpus built at test time (<see cref="HostileFiles"/>). Every file ends processed or in quarantine with a
/// reason, through <c>scanpipe ocr</c> and through the whole pipeline; nothing crashes, nothing hangs.
/// </summary>
public sealed class HostileInputTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>, IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "scanpipe-hostile", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private static IReadOnlyList<string> PdfJs() => Directory.GetFiles(TestData.Path("pdfjs"), "*.pdf").Order(StringComparer.Ordinal).ToList();

    private List<(string Path, bool MustBeQuarantined)> WriteCorpus()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_work, "corpus")).FullName;
        var files = PdfJs().Select(p => (p, false)).ToList();
        foreach (var hostile in HostileFiles.Build())
        {
            var path = Path.Combine(folder, hostile.Name);
            File.WriteAllBytes(path, hostile.Content);
            files.Add((path, hostile.MustBeQuarantined));
        }
        return files;
    }

    [RequiresTesseractFact]
    public async Task Scanpipe_ocr_reads_or_refuses_every_hostile_file_with_a_reason_and_exits_cleanly()
    {
        var corpus = WriteCorpus();
        var outDir = Path.Combine(_work, "out");

        var result = await ScanpipeProcess.RunAsync(["ocr", .. corpus.Select(c => c.Path), "--out", outDir]);

        Assert.True(result.ExitCode is 0 or 1, $"exit code {result.ExitCode}: {result.Stderr}");
        Assert.DoesNotContain("Unhandled exception", result.Stderr);
        int read = 0, refused = 0;
        foreach (var (path, mustBeQuarantined) in corpus)
        {
            var name = Path.GetFileName(path);
            var text = File.Exists(Path.Combine(outDir, Path.GetFileNameWithoutExtension(name) + ".txt"));
            var reason = result.Stderr.Contains($"{name}: nicht verarbeitet – ", StringComparison.Ordinal);
            Assert.True(text ^ reason, $"{name}: text written {text}, reason given {reason}");
            if (mustBeQuarantined) Assert.True(reason, $"{name} must be refused");
            if (text) read++; else refused++;
        }
        output.WriteLine($"{corpus.Count} files: {read} read, {refused} refused with a reason");
        // Nothing written outside the output folder, whatever the names looked like.
        Assert.Equal(read, Directory.GetFiles(outDir).Length);
    }

    [RequiresPipelineFact]
    public async Task The_pipeline_files_or_quarantines_every_hostile_file_and_keeps_running()
    {
        var corpus = WriteCorpus();
        using var host = TestPipeline.Build(broker, output, _work);
        await host.StartAsync();
        await host.Services.GetRequiredService<TopologyReadiness>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var shaOf = new Dictionary<string, string>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var bytes = File.ReadAllBytes(corpus[i].Path);
            shaOf[corpus[i].Path] = Ids.Sha256Hex(bytes);
            TestPipeline.Drop(TestPipeline.HotFolder(_work, i % 2), Path.GetFileName(corpus[i].Path), bytes);
        }

        var tracker = new BatchTracker(host.Services.GetRequiredService<MetadataStore>(), host.Services.GetRequiredService<QuarantineStore>());
        try
        {
            await Eventually.UntilAsync(() => Task.FromResult(corpus.Count(c => tracker.Outcome(shaOf[c.Path]).IsDone)),
                done => done == corpus.Count, "every hostile file to be filed or quarantined", TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            foreach (var (path, _) in corpus.Where(c => !tracker.Outcome(shaOf[c.Path]).IsDone))
                output.WriteLine($"not settled: {Path.GetFileName(path)} ({tracker.Outcome(shaOf[path]).Batch?.Status ?? "not received"})");
            throw;
        }

        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested,
            "the worker stopped");
        int filed = 0, quarantined = 0;
        foreach (var (path, mustBeQuarantined) in corpus)
        {
            var outcome = tracker.Outcome(shaOf[path]);
            var record = outcome.Quarantine;
            if (record is not null)
            {
                quarantined++;
                Assert.False(string.IsNullOrWhiteSpace(record.ReasonCode), $"{Path.GetFileName(path)}: no reason code");
                Assert.False(string.IsNullOrWhiteSpace(record.Message), $"{Path.GetFileName(path)}: no reason text");
                // Files with the same content (the two empty ones) share one record, named after the first to arrive.
                Assert.Contains(record.SourceFile, corpus.Where(c => shaOf[c.Path] == shaOf[path]).Select(c => Path.GetFileName(c.Path)));
            }
            else
            {
                filed++;
                Assert.NotEmpty(outcome.Documents);
            }
            if (mustBeQuarantined) Assert.True(record is not null, $"{Path.GetFileName(path)} must be quarantined");
        }
        output.WriteLine($"{corpus.Count} files: {filed} filed, {quarantined} quarantined with a reason");
        Assert.Empty(Directory.EnumerateFiles(TestPipeline.HotFolder(_work, 0)).Concat(Directory.EnumerateFiles(TestPipeline.HotFolder(_work, 1))));
        // The stores stay inside the data folder: nothing was written next to it.
        Assert.Equal(["corpus", "data", "hot", "ocr-work"], Directory.GetDirectories(_work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await host.StopAsync();
    }
}

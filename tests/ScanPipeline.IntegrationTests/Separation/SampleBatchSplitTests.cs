using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Analysis;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;
using ScanPipeline.Worker.Stages;
using Xunit;

namespace ScanPipeline.IntegrationTests.Separation;

/// <summary>
/// The generated batches of samples/batches through the real split stage (real analyser, real stores in a temp
/// folder): every batch becomes exactly the documents of expected.json, with exactly its removed pages and reasons.
/// </summary>
public sealed class SampleBatchSplitTests : IDisposable
{
    private const string Line = "scanstrasse-1";
    private readonly string _work = Path.Combine(Path.GetTempPath(), "scanpipe-split-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Files => new(SampleBatches.All.Select(b => b.File));

    [RequiresAnalysisTheory]
    [MemberData(nameof(Files))]
    public async Task A_generated_batch_becomes_its_expected_documents(string file)
    {
        var expected = SampleBatches.Named(file);
        var original = SampleBatches.Read(file);
        var blobs = new FileBlobStore(Path.Combine(_work, "blobs"));
        var metadata = new MetadataStore(Path.Combine(_work, "scanpipe.db"));
        var quarantine = new QuarantineWriter(new QuarantineStore(Path.Combine(_work, "quarantine")), metadata, NullLogger<QuarantineWriter>.Instance);
        var imaging = Options.Create(new ImagingOptions { WorkDirectory = Directory.CreateDirectory(Path.Combine(_work, "work")).FullName });
        var analyzer = new PageAnalyzer(imaging, Options.Create(new AnalysisOptions()), NullLogger<PageAnalyzer>.Instance);
        var ingest = new IngestOptions { ScannerLines = [new ScannerLineOptions { Name = Line, HotFolder = _work, Separation = expected.Rule }] };
        var publisher = new CapturingPublisher();
        // No scanner-lines file: the lines are the configured ones, as on a host set up before the file existed.
        var lines = new ScannerLinesFile(Path.Combine(_work, "scanner-lines.json"), ingest.ScannerLines, NullLogger<ScannerLinesFile>.Instance);
        var stage = new SplitStage(blobs, analyzer, metadata, quarantine, publisher, lines, NullLogger<SplitStage>.Instance);
        var sha = await blobs.PutAsync(original);
        var mediaType = MediaTypes.Sniff(original.AsSpan(0, 1024))!;
        var batch = new BatchReceived(Ids.BatchId(sha), Line, sha, file, mediaType, original.Length, DateTimeOffset.UtcNow);

        await stage.HandleAsync(batch, CancellationToken.None);

        var documents = publisher.Captured;
        Assert.Equal(expected.Documents.Select(d => d.Pages), documents.Select(d => d.PageNumbers.ToArray()));
        Assert.Equal(expected.Documents.Select((_, i) => Ids.DocumentId(sha, i)), documents.Select(d => d.DocumentId));
        var record = metadata.FindSeparation(batch.BatchId)!;
        Assert.Equal(expected.Rule, record.Rule);
        Assert.Equal(expected.Removed.Select(r => (r.Page, r.Reason, r.Code)), record.Removed.Select(r => (r.PageNumber, r.Reason, r.Detail)));
        var counts = metadata.FindBatch(batch.BatchId)!;
        Assert.Equal(expected.Pages, counts.PagesIn);
        Assert.Equal(counts.PagesIn, counts.PagesInDocuments + counts.PagesRemoved);
        Assert.Equal(expected.Documents.Length, counts.DocumentCount);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_work, "work")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private sealed class CapturingPublisher : IMessagePublisher
    {
        public List<DocumentCaptured> Captured { get; } = [];

        public Task PublishAsync<T>(T message, CancellationToken ct) where T : IMessage
        {
            if (message is DocumentCaptured captured) Captured.Add(captured);
            return Task.CompletedTask;
        }

        public Task PublishRoutedAsync(DocumentRouted message, CancellationToken ct) => Task.CompletedTask;
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;
using ScanPipeline.Worker.Stages;

namespace ScanPipeline.Tests.Config;

/// <summary>Hot-folder ingest follows the scanner-lines file while it runs: new lines are watched, removed ones no longer.</summary>
public sealed class ScannerLinesIngestTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly string _linesPath;
    private readonly IngestOptions _options;

    public ScannerLinesIngestTests()
    {
        _linesPath = _temp.Combine("config", "scanner-lines.json");
        Directory.CreateDirectory(Path.GetDirectoryName(_linesPath)!);
        _options = new IngestOptions
        {
            ScannerLines = [Line("scanstrasse-1")],
            StableFor = TimeSpan.Zero,
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
    }

    private ScannerLineOptions Line(string name) => new() { Name = name, HotFolder = _temp.Combine("hot", name) };

    private HotFolderIngest Ingest() => new(Microsoft.Extensions.Options.Options.Create(_options),
        new ScannerLinesFile(_linesPath, _options.ScannerLines, NullLogger<ScannerLinesFile>.Instance),
        new FileBlobStore(_temp.Sub("blobs")), new MetadataStore(_temp.Combine("scanpipe.db")), new QuarantineStore(_temp.Sub("quarantine")),
        _publisher, TimeProvider.System, NullLogger<HotFolderIngest>.Instance);

    private void WriteLines(params string[] names) => File.WriteAllText(_linesPath, ScannerLinesDocument.ToJson(names.Select(Line)));

    private static void Drop(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".part"), TestFiles.Png);
        File.Move(Path.Combine(folder, name + ".part"), Path.Combine(folder, name));
    }

    private async Task<BatchReceived> TakenAsync(string fileName)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(50))
        {
            if (_publisher.OfType<BatchReceived>().FirstOrDefault(b => b.OriginalFileName == fileName) is { } batch) return batch;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{fileName} was not taken");
    }

    [Fact]
    public async Task A_line_added_to_the_file_is_watched_and_a_removed_one_no_longer_without_a_restart()
    {
        using var ingest = Ingest();
        await ingest.StartAsync(CancellationToken.None);
        try
        {
            Drop(Line("scanstrasse-1").HotFolder, "erster.png");
            Assert.Equal("scanstrasse-1", (await TakenAsync("erster.png")).ScannerLine);

            WriteLines("scanstrasse-1", "poststelle-2");
            Drop(Line("poststelle-2").HotFolder, "neu.png");
            Assert.Equal("poststelle-2", (await TakenAsync("neu.png")).ScannerLine);

            WriteLines("poststelle-2");
            Drop(Line("poststelle-2").HotFolder, "zweiter.png");
            await TakenAsync("zweiter.png");   // a pass after the change has run
            Drop(Line("scanstrasse-1").HotFolder, "liegen-geblieben.png");
            Drop(Line("poststelle-2").HotFolder, "dritter.png");
            await TakenAsync("dritter.png");   // a whole pass after both drops
            Assert.True(File.Exists(Path.Combine(Line("scanstrasse-1").HotFolder, "liegen-geblieben.png")));
            Assert.DoesNotContain(_publisher.OfType<BatchReceived>(), b => b.OriginalFileName == "liegen-geblieben.png");
        }
        finally
        {
            await ingest.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose() => _temp.Dispose();
}

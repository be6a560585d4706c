using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;
using ScanPipeline.Worker.Stages;

namespace ScanPipeline.Tests.Worker;

public sealed class HotFolderIngestTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-03T08:00:00Z"));
    private readonly RecordingPublisher _publisher = new();
    private readonly FileBlobStore _blobs;
    private readonly MetadataStore _metadata;
    private readonly QuarantineStore _quarantine;
    private readonly ScannerLineOptions _line;
    private readonly IngestOptions _options;
    private readonly HotFolderIngest _ingest;

    public HotFolderIngestTests()
    {
        _blobs = new FileBlobStore(_temp.Sub("blobs"));
        _metadata = new MetadataStore(Path.Combine(_temp.Path, "scanpipe.db"));
        _quarantine = new QuarantineStore(_temp.Sub("quarantine"));
        _line = new ScannerLineOptions { Name = "scanstrasse-1", HotFolder = _temp.Sub("hot") };
        _options = new IngestOptions { ScannerLines = [_line], StableFor = TimeSpan.FromSeconds(2), MaxFileBytes = 1000 };
        var lines = new ScannerLinesFile(_temp.Combine("no-scanner-lines-file.json"), _options.ScannerLines, NullLogger<ScannerLinesFile>.Instance);
        _ingest = new HotFolderIngest(Microsoft.Extensions.Options.Options.Create(_options), lines, _blobs, _metadata, _quarantine,
            _publisher, _clock, NullLogger<HotFolderIngest>.Instance);
    }

    private string Drop(string name, byte[] content)
    {
        var path = Path.Combine(_line.HotFolder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task A_file_is_taken_only_after_its_size_was_stable_and_its_original_is_stored_first()
    {
        var path = Drop("brief.png", TestFiles.Png);

        Assert.Equal(0, await _ingest.PollAsync(_line, default));   // first sight: not yet stable
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _ingest.PollAsync(_line, default));
        Assert.True(File.Exists(path));

        _clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, await _ingest.PollAsync(_line, default));

        var batch = Assert.Single(_publisher.OfType<BatchReceived>());
        Assert.Equal(Ids.Sha256Hex(TestFiles.Png), batch.OriginalSha256);
        Assert.Equal(MediaTypes.Png, batch.MediaType);
        Assert.Equal("scanstrasse-1", batch.ScannerLine);
        Assert.Equal("brief.png", batch.OriginalFileName);
        Assert.Equal(TestFiles.Png, await _blobs.GetAsync(batch.OriginalSha256));
        Assert.Equal(BatchStatus.Received, _metadata.FindBatch(batch.BatchId)!.Status);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_growing_file_and_a_file_still_named_part_are_left_alone()
    {
        var growing = Drop("stapel.png", TestFiles.Png[..20]);
        Drop("stapel2.png.part", TestFiles.Png);
        await _ingest.PollAsync(_line, default);
        _clock.Advance(TimeSpan.FromSeconds(3));
        File.WriteAllBytes(growing, TestFiles.Png);           // the scanner is still writing
        Assert.Equal(0, await _ingest.PollAsync(_line, default));
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await _ingest.PollAsync(_line, default));

        Assert.Equal(Ids.Sha256Hex(TestFiles.Png), Assert.Single(_publisher.OfType<BatchReceived>()).OriginalSha256);
        Assert.True(File.Exists(Path.Combine(_line.HotFolder, "stapel2.png.part")));
    }

    [Theory]
    [InlineData("notiz.pdf", "kein PDF, nur Text", ReasonCodes.UnknownFormat)]
    [InlineData("leer.tif", "", ReasonCodes.EmptyFile)]
    public async Task An_unreadable_file_goes_to_quarantine_with_its_original_and_a_reason(string name, string content, string reason)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        Drop(name, bytes);
        _options.StableFor = TimeSpan.Zero;

        Assert.Equal(1, await _ingest.PollAsync(_line, default));

        Assert.Empty(_publisher.Published);
        var record = Assert.Single(_quarantine.List());
        Assert.Equal(reason, record.ReasonCode);
        Assert.Equal(name, record.SourceFile);
        Assert.False(string.IsNullOrWhiteSpace(record.Message));
        var folder = _quarantine.PathFor(record.Id);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(folder, record.OriginalFileName)));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "reason.json")));
        Assert.Equal(reason, json.RootElement.GetProperty("reasonCode").GetString());
        Assert.False(File.Exists(Path.Combine(_line.HotFolder, name)));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_quarantined_unread()
    {
        var big = new byte[2000];
        TestFiles.Png.CopyTo(big, 0);
        Drop("riesig.png", big);
        _options.StableFor = TimeSpan.Zero;

        await _ingest.PollAsync(_line, default);

        var record = Assert.Single(_quarantine.List());
        Assert.Equal(ReasonCodes.FileTooLarge, record.ReasonCode);
        Assert.Equal(big, File.ReadAllBytes(Path.Combine(_quarantine.PathFor(record.Id), record.OriginalFileName)));
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task When_the_broker_is_down_the_file_stays_and_is_taken_once_it_is_back()
    {
        var path = Drop("brief.png", TestFiles.Png);
        _options.StableFor = TimeSpan.Zero;
        _options.RetryAfter = TimeSpan.FromSeconds(5);
        _publisher.FailWith = new InvalidOperationException("broker unreachable");

        Assert.Equal(0, await _ingest.PollAsync(_line, default));
        Assert.True(File.Exists(path));                       // nothing lost
        Assert.True(_blobs.Exists(Ids.Sha256Hex(TestFiles.Png)));

        _publisher.FailWith = null;
        Assert.Equal(0, await _ingest.PollAsync(_line, default));  // waits for its retry time
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await _ingest.PollAsync(_line, default));
        Assert.Single(_publisher.OfType<BatchReceived>());
        Assert.False(File.Exists(path));
    }

    public void Dispose() => _temp.Dispose();
}

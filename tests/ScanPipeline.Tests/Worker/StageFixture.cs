using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Analysis;
using ScanPipeline.Imaging.Ocr;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Worker.Stages;

namespace ScanPipeline.Tests.Worker;

/// <summary>
/// The real stores in a temp folder and the real recognizer, set up so that it cannot reach Tesseract or pdftoppm:
/// a test that passes proves its input took neither path.
/// </summary>
internal sealed class StageFixture : IDisposable
{
    public const string ScannerLine = "scanstrasse-1";
    public static readonly DateTimeOffset ReceivedAt = new(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public StageFixture()
    {
        Blobs = new FileBlobStore(_temp.Sub("blobs"));
        Metadata = new MetadataStore(Path.Combine(_temp.Path, "scanpipe.db"));
        Quarantine = new QuarantineStore(_temp.Sub("quarantine"));
        WorkDirectory = _temp.Sub("work");
        var imaging = Microsoft.Extensions.Options.Options.Create(new ImagingOptions
        {
            TessdataPath = "/nonexistent/tessdata",
            PdfToPpmPath = "/nonexistent/pdftoppm",
            EngineThreads = 1,
            WorkDirectory = WorkDirectory,
        });
        Recognizer = new TesseractRecognizer(imaging, NullLogger<TesseractRecognizer>.Instance);
        Analyzer = new PageAnalyzer(imaging, Microsoft.Extensions.Options.Options.Create(new AnalysisOptions()), NullLogger<PageAnalyzer>.Instance);
        QuarantineWriter = new QuarantineWriter(Quarantine, Metadata, NullLogger<QuarantineWriter>.Instance);
    }

    public RecordingPublisher Publisher { get; } = new();
    public FileBlobStore Blobs { get; }
    public MetadataStore Metadata { get; }
    public QuarantineStore Quarantine { get; }
    public QuarantineWriter QuarantineWriter { get; }
    public TesseractRecognizer Recognizer { get; }

    /// <summary>The real page analyser (leptonica and zbar, no Tesseract; pdftoppm is out of reach as for the recognizer).</summary>
    public PageAnalyzer Analyzer { get; }
    public string WorkDirectory { get; }

    /// <summary>Scanner lines as a host without a scanner-lines file has them: the configured <paramref name="lines"/>.</summary>
    public ScannerLinesFile ScannerLines(List<ScannerLineOptions> lines) =>
        new(Path.Combine(_temp.Path, "no-scanner-lines-file.json"), lines, NullLogger<ScannerLinesFile>.Instance);

    /// <summary>Stores an original as ingest does and returns the message ingest would publish.</summary>
    public async Task<BatchReceived> StoreBatchAsync(byte[] original, string fileName)
    {
        var sha = await Blobs.PutAsync(original);
        return new BatchReceived(Ids.BatchId(sha), ScannerLine, sha, fileName, MediaTypes.Pdf, original.Length, ReceivedAt);
    }

    /// <summary>Every blob as path → content, to show that a step wrote nothing new.</summary>
    public IReadOnlyDictionary<string, byte[]> BlobSnapshot() =>
        Directory.EnumerateFiles(Blobs.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Blobs.Root, f), File.ReadAllBytes);

    /// <summary>The original as it lies in the quarantine folder of <paramref name="record"/>.</summary>
    public byte[] QuarantinedOriginal(QuarantineReason record) =>
        File.ReadAllBytes(Path.Combine(Quarantine.PathFor(record.Id), record.OriginalFileName));

    public void Dispose()
    {
        Recognizer.Dispose();
        _temp.Dispose();
    }
}

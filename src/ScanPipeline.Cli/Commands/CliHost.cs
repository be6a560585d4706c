using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Classification;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging;
using ScanPipeline.Messaging;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Hosting;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// The services a one-shot command needs (OCR engines, classifier, stores), composed from the same
/// configuration as the pipeline host but without its stages and consumers.
/// </summary>
internal sealed class CliHost : IDisposable
{
    private readonly IHost _host;

    private CliHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static CliHost Create(bool imaging = false, bool classification = false, bool storage = false,
        IReadOnlyDictionary<string, string?>? overrides = null, bool messaging = false)
    {
        var builder = ScanPipelineHost.CreateBuilder(QuietLogging(overrides));
        if (messaging) builder.Services.AddRabbitMqMessaging(builder.Configuration);
        if (imaging) builder.Services.AddImaging(builder.Configuration);
        if (classification) builder.Services.AddClassification(builder.Configuration);
        if (storage) builder.Services.AddStorage(builder.Configuration);
        return new CliHost(builder.Build());
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>The routing-rules file named in the configuration.</summary>
    public RoutingRules LoadRoutingRules()
    {
        var configuration = _host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var path = configuration[$"{PipelineOptions.Section}:{nameof(PipelineOptions.RoutingRulesPath)}"] ?? new PipelineOptions().RoutingRulesPath;
        return RoutingRules.Load(Path.GetFullPath(path));
    }

    /// <summary>The scanner lines in force: the scanner-lines file named in the configuration, else Ingest:ScannerLines.</summary>
    public IReadOnlyList<ScannerLineOptions> ScannerLines()
    {
        var configuration = _host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var path = configuration[$"{PipelineOptions.Section}:{nameof(PipelineOptions.ScannerLinesPath)}"] ?? new PipelineOptions().ScannerLinesPath;
        var ingest = configuration.GetSection(IngestOptions.Section).Get<IngestOptions>() ?? new IngestOptions();
        return new ScannerLinesFile(path, ingest.ScannerLines, NullLogger<ScannerLinesFile>.Instance).Current;
    }

    /// <summary>
    /// Text of a file: .txt is read as UTF-8; a scan or PDF is recognised (its text layer, else OCR).
    /// The format is told by the content, never by the name.
    /// </summary>
    public static async Task<string> ExtractTextAsync(IDocumentRecognizer recognizer, string path, CancellationToken ct)
    {
        var content = await File.ReadAllBytesAsync(path, ct);
        var mediaType = MediaTypes.Sniff(content.AsSpan(0, Math.Min(content.Length, 1024)));
        if (mediaType is null)
        {
            if (Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase))
                return System.Text.Encoding.UTF8.GetString(content);
            throw new PermanentProcessingException(content.Length == 0 ? ReasonCodes.EmptyFile : ReasonCodes.UnknownFormat,
                $"{path}: not a TIFF, PDF, PNG, JPEG or text file");
        }
        var recognized = await recognizer.RecognizeAsync(content, mediaType, pageNumbers: null, makeSearchablePdf: false, ct);
        return recognized.FullText;
    }

    private static Dictionary<string, string?> QuietLogging(IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public void Dispose() => _host.Dispose();
}

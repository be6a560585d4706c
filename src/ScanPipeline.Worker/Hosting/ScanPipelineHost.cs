using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Storage;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Analysis;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;
using ScanPipeline.Worker.Stages;

namespace ScanPipeline.Worker.Hosting;

/// <summary>
/// Composition of the one ScanPipeline host. Configuration chooses the roles; each role adds its stage
/// here, one line each, in pipeline order.
/// </summary>
public static class ScanPipelineHost
{
    /// <summary>
    /// A host builder with ScanPipeline's configuration sources: appsettings.json next to the binary,
    /// then environment variables prefixed SCANPIPE_ (e.g. SCANPIPE_Storage__DataDirectory), then
    /// <paramref name="overrides"/> (what the command line sets).
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("SCANPIPE_")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        builder.Services.AddLogging(logging =>
        {
            logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
            // Logs go to stderr, so that command output on stdout (text, JSON, tables) stays clean.
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        return builder;
    }

    /// <summary>Adds the stores, engines and the stages of the configured roles.</summary>
    public static IHostApplicationBuilder AddScanPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var pipeline = configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions();
        var roles = Roles.Resolve(pipeline.Roles);

        // A broken routing-rules or scanner-lines file stops the host at start. While the host runs, the stages read
        // both files through RoutingRulesFile and ScannerLinesFile, so edits take effect without a restart.
        RoutingRules.Load(Path.GetFullPath(pipeline.RoutingRulesPath));
        var scannerLinesPath = Path.GetFullPath(pipeline.ScannerLinesPath);
        if (File.Exists(scannerLinesPath)) ScannerLinesDocument.LoadJson(File.ReadAllText(scannerLinesPath), scannerLinesPath);
        services.AddConfigurationFiles();
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        services.AddRabbitMqMessaging(configuration);

        if (roles.Contains(Roles.Split) || roles.Contains(Roles.Ocr)) services.AddImaging(configuration);
        if (roles.Contains(Roles.Split)) services.AddPageAnalysis(configuration);
        if (roles.Contains(Roles.Classify)) services.AddClassification(configuration);
        services.AddSingleton<QuarantineWriter>();

        if (roles.Contains(Roles.Ingest)) services.AddHostedService<HotFolderIngest>();
        if (roles.Contains(Roles.Split)) services.AddStage<BatchReceived, SplitStage>([Topology.SplitQueue], concurrency: 1);
        if (roles.Contains(Roles.Ocr)) services.AddStage<DocumentCaptured, OcrStage>([Topology.OcrQueue], OcrThreads(configuration));
        if (roles.Contains(Roles.Classify)) services.AddStage<DocumentRecognized, ClassifyStage>([Topology.ClassifyQueue], concurrency: 2);
        if (roles.Contains(Roles.Classify) || roles.Contains(Roles.Deliver)) services.AddDepartmentInboxes(consume: roles.Contains(Roles.Deliver));
        if (roles.Contains(Roles.Deliver))
            services.AddStage<DocumentRouted, DeliverStage>(sp => sp.GetRequiredService<DepartmentInboxes>().DeliveryQueuesAtStart(), concurrency: 1);
        services.AddHostedService(sp => new WarmUpService(sp, roles.Contains(Roles.Ocr), roles.Contains(Roles.Classify),
            sp.GetRequiredService<ILogger<WarmUpService>>()));
        return builder;
    }

    /// <summary>One document per OCR engine thread at a time: more deliveries in flight would only wait for an engine.</summary>
    private static int OcrThreads(IConfiguration configuration) =>
        (configuration.GetSection(ImagingOptions.Section).Get<ImagingOptions>() ?? new ImagingOptions()).EngineThreads;

    /// <summary>
    /// <see cref="DepartmentInboxes"/>: the queues of departments added to the routing rules while the host runs are
    /// declared (classify and deliver) and consumed (deliver).
    /// </summary>
    private static IServiceCollection AddDepartmentInboxes(this IServiceCollection services, bool consume)
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DepartmentInboxes>(sp, consume));
        return services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DepartmentInboxes>());
    }

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IBlobStore>(sp => new FileBlobStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.BlobDirectory));
        services.AddSingleton(sp => new EFileStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.EFileDirectory));
        services.AddSingleton(sp => new QuarantineStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.QuarantineDirectory));
        services.AddSingleton(sp => new MetadataStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath));
        return services;
    }

    private static IServiceCollection AddStage<TMessage, TStage>(this IServiceCollection services, string[] queues, int concurrency)
        where TMessage : IMessage
        where TStage : class, IMessageHandler<TMessage>
    {
        services.AddScoped<IMessageHandler<TMessage>, TStage>();
        return services.AddConsumer<TMessage>(queues, concurrency);
    }

    /// <summary>As above, with the queues decided when the host starts.</summary>
    private static IServiceCollection AddStage<TMessage, TStage>(this IServiceCollection services,
        Func<IServiceProvider, IEnumerable<string>> queues, int concurrency)
        where TMessage : IMessage
        where TStage : class, IMessageHandler<TMessage>
    {
        services.AddScoped<IMessageHandler<TMessage>, TStage>();
        return services.AddConsumer<TMessage>(queues, concurrency);
    }
}

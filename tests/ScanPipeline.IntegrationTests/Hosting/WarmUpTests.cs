using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Ocr;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Tests.Classification;
using ScanPipeline.Worker.Hosting;
using Xunit;

namespace ScanPipeline.IntegrationTests.Hosting;

/// <summary>A worker's start loads the real engines and the shipped model before any document arrives.</summary>
public sealed class WarmUpTests
{
    [RequiresTesseractFact]
    public async Task Start_loads_both_engines_and_the_model_without_a_document()
    {
        var recognizerLog = new ListLogger<TesseractRecognizer>();
        var classifierLog = new ListLogger<ModelClassifier>();
        var warmUpLog = new ListLogger<WarmUpService>();
        using var recognizer = new TesseractRecognizer(Options.Create(new ImagingOptions { EngineThreads = 2 }), recognizerLog);
        using var services = new ServiceCollection()
            .AddSingleton<IDocumentRecognizer>(recognizer)
            .AddSingleton<IDocumentClassifier>(_ => new ModelClassifier(
                Options.Create(new ClassificationOptions { ModelsDirectory = Repository.Path("models") }), classifierLog))
            .BuildServiceProvider();
        var warmUp = new WarmUpService(services, ocr: true, classify: true, warmUpLog);

        await warmUp.StartAsync(CancellationToken.None);

        await Eventually.UntilAsync(() => Messages(warmUpLog).Any(m => m.StartsWith("Warm-up done", StringComparison.Ordinal)), "the warm-up");
        await Eventually.UntilAsync(() => Messages(recognizerLog).Count(m => m.Contains("Tesseract engine started", StringComparison.Ordinal)) == 2,
            "both engines");
        Assert.Contains(Messages(classifierLog), m => m.StartsWith("Classification model", StringComparison.Ordinal));
    }

    [RequiresTesseractFact]
    public async Task A_worker_without_the_ocr_role_never_starts_tesseract()
    {
        var recognizerLog = new ListLogger<TesseractRecognizer>();
        using var recognizer = new TesseractRecognizer(Options.Create(new ImagingOptions { EngineThreads = 1 }), recognizerLog);
        using var services = new ServiceCollection().AddSingleton<IDocumentRecognizer>(recognizer).BuildServiceProvider();
        var warmUpLog = new ListLogger<WarmUpService>();

        await new WarmUpService(services, ocr: false, classify: false, warmUpLog).StartAsync(CancellationToken.None);
        await Task.Delay(500);

        Assert.Empty(Messages(recognizerLog));
        Assert.Empty(Messages(warmUpLog));
    }

    private static List<string> Messages<T>(ListLogger<T> log)
    {
        lock (log.Entries) return log.Entries.Select(e => e.Message).ToList();
    }
}

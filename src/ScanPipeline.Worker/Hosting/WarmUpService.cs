using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Ocr;

namespace ScanPipeline.Worker.Hosting;

/// <summary>
/// At a worker's start, loads in the background what its first document would otherwise wait for: the OCR engines
/// (role ocr) and the classification model with one prediction (role classify; ML.NET builds and compiles its
/// prediction pipeline on first use). The host does not wait for it, and a failure is only logged here: the
/// stages still report a missing engine or model for each document, as before.
/// </summary>
internal sealed class WarmUpService(IServiceProvider services, bool ocr, bool classify, ILogger<WarmUpService> logger) : IHostedService
{
    /// <summary>A short German letter opening: enough words to run every step of the classifier's featurisation.</summary>
    private const string SampleText = "Sehr geehrte Damen und Herren, hiermit beantrage ich die Ausstellung einer Bescheinigung. Mit freundlichen Grüßen";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ocr || classify) _ = Task.Run(WarmUp, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WarmUp()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (ocr) services.GetRequiredService<IDocumentRecognizer>().StartEngines();
            if (classify) services.GetRequiredService<IDocumentClassifier>().Predict(SampleText);
            logger.LogInformation("Warm-up done in {Seconds:F1} s (OCR engines: {Ocr}, classification model: {Classify})",
                clock.Elapsed.TotalSeconds, ocr, classify);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            logger.LogWarning(error, "Warm-up failed: {Reason}. The first document will start what is missing.", error.Message);
        }
    }
}

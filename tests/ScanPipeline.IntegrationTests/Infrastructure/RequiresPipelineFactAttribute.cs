using Xunit;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// An end-to-end test that needs both the broker and Tesseract. Skipped on a developer machine without them,
/// never in CI (CI=true), where a missing tool fails the test.
/// </summary>
public sealed class RequiresPipelineFactAttribute : FactAttribute
{
    public RequiresPipelineFactAttribute()
    {
        if (TesseractPresence.SkipReason is { } tesseract) Skip = tesseract;
        else if (Separation.AnalysisPresence.SkipReason is { } analysis) Skip = analysis;   // the split stage reads barcodes with zbar
        else if (!BrokerAvailability.MustRun && !BrokerAvailability.IsReachable)
            Skip = $"No RabbitMQ broker answers on {BrokerAvailability.Host}:{BrokerAvailability.Port}; run scripts/setup.sh.";
    }
}

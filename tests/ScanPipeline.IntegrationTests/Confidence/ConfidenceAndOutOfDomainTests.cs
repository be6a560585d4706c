using System.Text.Json;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Training;
using ScanPipeline.Core.Configuration;
using ScanPipeline.IntegrationTests.Cli;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Confidence;

/// <summary>
/// Calibration and out-of-domain detection on real text nobody here wrote (10kGNAD), and the
/// <c>model evaluate --ood</c> command with the shipped model. Prints the figures; run with
/// <c>dotnet test tests/ScanPipeline.IntegrationTests --filter FullyQualifiedName~ConfidenceAndOutOfDomain --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ConfidenceAndOutOfDomainTests(ITestOutputHelper output)
{
    private static Task<string> NoExtraction(string path, CancellationToken _) => throw new InvalidOperationException($"unexpected {path}");

    private static async Task<IReadOnlyList<LabeledText>> LoadAsync(string path) => (await LabeledFolder.LoadAsync(path, NoExtraction)).Examples;

    [Fact]
    public async Task On_news_articles_calibration_does_not_hurt_and_letters_of_no_news_type_go_to_verification()
    {
        var train = await LoadAsync(TestData.Path("10kgnad/train"));
        var dev = await LoadAsync(TestData.Path("10kgnad/dev"));
        // Municipal letters of no known kind are out of domain for a news model; they were never trained on.
        var ood = await LoadAsync(Repository.Path("samples/training/ood"));
        var rules = RoutingRules.Load(Repository.Path("config/routing-rules.json"));

        using var model = ModelTrainer.Train(train, new TrainingSettings());
        var report = ModelEvaluator.Evaluate(model, dev);
        var routing = ModelEvaluator.EvaluateOutOfDomain(model, dev, ood, rules);

        var calibration = model.Manifest.Calibration!;
        output.WriteLine($"temperature {calibration.Temperature}: validation NLL {calibration.ValidationNllBefore:F4} -> {calibration.ValidationNllAfter:F4}, " +
                         $"ECE {calibration.ValidationEceBefore:F4} -> {calibration.ValidationEceAfter:F4}");
        output.WriteLine($"dev ECE {report.Calibration.UncalibratedExpectedCalibrationError:F4} (trainer's probabilities) -> {report.Calibration.ExpectedCalibrationError:F4} (calibrated)");
        output.WriteLine(JsonSerializer.Serialize(routing, EvaluationReport.JsonOptions));

        Assert.True(calibration.ValidationNllAfter <= calibration.ValidationNllBefore);
        Assert.True(report.Calibration.ExpectedCalibrationError <= report.Calibration.UncalibratedExpectedCalibrationError + 0.005,
            $"calibrated ECE {report.Calibration.ExpectedCalibrationError:F4}, uncalibrated {report.Calibration.UncalibratedExpectedCalibrationError:F4}");
        Assert.True(routing.CaughtRate >= 0.9, $"only {routing.Caught} of {routing.Examples} letters go to verification");
        // The flag's own cost on news: few dev articles are taken for unknown types (low confidence is counted apart).
        var flaggedNews = routing.InDomain.Reasons.GetValueOrDefault(RoutingRules.ReasonUnknownType);
        Assert.True(flaggedNews <= 0.05 * dev.Count, $"{flaggedNews} of {dev.Count} news articles flagged out of domain");
    }

    [RequiresTesseractFact]
    public async Task Model_evaluate_with_ood_reports_caught_letters_and_the_in_domain_cost()
    {
        var active = JsonDocument.Parse(File.ReadAllText(Repository.Path("models/active.json"))).RootElement.GetProperty("version").GetString()!;
        var result = await ScanpipeProcess.RunAsync("model", "evaluate", "--model", Repository.Path($"models/{active}"),
            "--data", Repository.Path("samples/training/test"), "--ood", Repository.Path("samples/training/ood"), "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        output.WriteLine(result.Stdout);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var calibration = root.GetProperty("calibration");
        Assert.True(calibration.GetProperty("temperature").GetDouble() > 0);
        Assert.InRange(calibration.GetProperty("uncalibratedExpectedCalibrationError").GetDouble(), 0, 1);
        var ood = root.GetProperty("outOfDomain");
        Assert.True(ood.GetProperty("examples").GetInt32() >= 60);
        Assert.True(ood.GetProperty("caughtRate").GetDouble() >= 0.9, ood.ToString());
        Assert.True(ood.GetProperty("perKind").EnumerateObject().Count() >= 5);
        var inDomain = ood.GetProperty("inDomain");
        Assert.Equal(300, inDomain.GetProperty("examples").GetInt32());
        Assert.True(inDomain.GetProperty("rate").GetDouble() <= 0.05, inDomain.ToString());

        var table = await ScanpipeProcess.RunAsync("model", "evaluate", "--model", Repository.Path($"models/{active}"),
            "--data", Repository.Path("samples/training/test"), "--ood", Repository.Path("samples/training/ood"));
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("Fremdpost zur Klärung:", table.Stdout, StringComparison.Ordinal);
    }
}

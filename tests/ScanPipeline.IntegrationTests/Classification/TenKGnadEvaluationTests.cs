using System.Text.Json;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Training;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Classification;

/// <summary>
/// The classifier on real German text nobody on this project wrote (issue 4, point 10): 10kGNAD train/ (606 news
/// articles, 9 labels) and dev/ (104). <c>scanpipe model train</c> and <c>model evaluate</c> against a tuned
/// TF-IDF (word + character n-grams) + logistic-regression baseline in scikit-learn
/// (tests/baselines/tfidf_logreg.py), both tuned on train only. Run with
/// <c>dotnet test tests/ScanPipeline.IntegrationTests --filter FullyQualifiedName~TenKGnad --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class TenKGnadEvaluationTests(ITestOutputHelper output)
{
    private static async Task<(IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> Dev)> LoadAsync()
    {
        var root = SharedData("10kgnad");
        Task<string> noExtraction(string path, CancellationToken _) => throw new InvalidOperationException($"unexpected {path}");
        var train = await LabeledFolder.LoadAsync(Path.Combine(root, "train"), noExtraction);
        var dev = await LabeledFolder.LoadAsync(Path.Combine(root, "dev"), noExtraction);
        Assert.Equal((606, 104), (train.Examples.Count, dev.Examples.Count));
        return (train.Examples, dev.Examples);
    }

    [RequiresSklearnFact]
    public async Task Scanpipe_train_and_evaluate_reach_at_least_the_tuned_tfidf_logreg_baseline_on_dev()
    {
        var python = Sklearn.Python ?? throw new InvalidOperationException(
            "CI=true but no python3 imports sklearn: scripts/setup.sh installs python3-sklearn.");
        var root = SharedData("10kgnad");
        string train = Path.Combine(root, "train"), dev = Path.Combine(root, "dev");
        var models = Path.Combine(Path.GetTempPath(), "scanpipe-10kgnad-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The baseline and our training are single-threaded: on two cores they run side by side.
            var baselineRun = ToolProcess.RunAsync(python, ["tests/baselines/tfidf_logreg.py", "--train", train, "--dev", dev], TimeSpan.FromMinutes(6));
            var trainRun = await ToolProcess.ScanpipeAsync(TimeSpan.FromMinutes(6), "model", "train", "--data", train, "--out", models);
            output.WriteLine(trainRun.Stderr);
            output.WriteLine(trainRun.Stdout);
            Assert.Equal(0, trainRun.ExitCode);
            var version = Assert.Single(Directory.GetDirectories(models));
            var manifest = ModelManifest.Read(Path.Combine(version, ModelManifest.FileName));
            Assert.Equal(606, manifest.ExampleCounts.Values.Sum());
            Assert.Equal(TrainingSettings.DefaultCandidates.Count, manifest.Candidates.Count);
            Assert.Equal(new TrainingSettings().CrossValidationFolds, manifest.CrossValidationFolds); // 606 texts: chosen by k-fold

            var evaluateRun = await ToolProcess.ScanpipeAsync(TimeSpan.FromMinutes(3), "model", "evaluate", "--model", version, "--data", dev, "--json");
            Assert.True(evaluateRun.ExitCode == 0, evaluateRun.Stderr);
            var ours = EvaluationReport.FromJson(evaluateRun.Stdout);

            var baselineResult = await baselineRun;
            output.WriteLine(baselineResult.Stderr);
            Assert.True(baselineResult.ExitCode == 0, baselineResult.Stderr);
            using var baseline = JsonDocument.Parse(baselineResult.LastLine);
            var baselineF1 = baseline.RootElement.GetProperty("macroF1").GetDouble();
            var baselineAccuracy = baseline.RootElement.GetProperty("accuracy").GetDouble();

            output.WriteLine($"baseline (tfidf_logreg.py, {baselineResult.Elapsed.TotalSeconds:F0} s): {baselineResult.LastLine}");
            output.WriteLine($"scanpipe ({manifest.Trainer.Name}, train {trainRun.Elapsed.TotalSeconds:F0} s): dev macro-F1 {ours.MacroF1:F4}, " +
                             $"accuracy {ours.Accuracy:F4}, ECE {ours.Calibration.ExpectedCalibrationError:F3}");
            Assert.Equal(104, ours.Examples);
            Assert.Empty(ours.UnknownLabels);
            // Both sides round to four places in their output; compare at that precision.
            Assert.True(Math.Round(ours.MacroF1, 4) >= baselineF1,
                $"scanpipe dev macro-F1 {ours.MacroF1:F4} is below the baseline's {baselineF1:F4} (accuracy {ours.Accuracy:F4} vs {baselineAccuracy:F4})");
        }
        finally
        {
            if (Directory.Exists(models)) Directory.Delete(models, recursive: true);
        }
    }

    [Fact]
    public async Task Stored_and_activated_model_serves_the_same_figures()
    {
        var (train, dev) = await LoadAsync();
        var models = Path.Combine(Path.GetTempPath(), "scanpipe-10kgnad-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var trained = ModelTrainer.Train(train, new TrainingSettings { Candidates = [TrainingSettings.DefaultCandidates[0]], CrossValidationFolds = 0 });
            var registry = new ModelRegistry(models);
            registry.Store(trained);
            registry.Activate(trained.Version);
            using var served = registry.LoadActive();
            var before = ModelEvaluator.Evaluate(trained, dev);
            var after = ModelEvaluator.Evaluate(served, dev);
            Assert.Equal(before.ToJson(), after.ToJson());
        }
        finally
        {
            if (Directory.Exists(models)) Directory.Delete(models, recursive: true);
        }
    }

    private static string SharedData(string name)
    {
        var path = TestData.Path(name);
        if (!Directory.Exists(path)) throw new InvalidOperationException($"Shared test data missing: {path}");
        return path;
    }

    private sealed class LineProgress(ITestOutputHelper output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}

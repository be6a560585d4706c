using System.Diagnostics;
using System.Text.Json;
using ScanPipeline.Benchmarks.Infrastructure;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Training;
using Spectre.Console;

namespace ScanPipeline.Benchmarks.Runs;

/// <summary>
/// Classification speed (issue 4, point 11), in one process:
/// <list type="bullet">
/// <item><b>predict</b>: <see cref="TrainedModel.Predict"/> on the raw text of letters (normalisation and
/// featurisation included), one call after the other on one thread, for at least <c>--seconds</c>. Reported
/// per second of wall time and per second of CPU time: on a shared machine the CPU time is what one core
/// delivers. Target: at least 5,000 per second on one core.</item>
/// <item><b>train</b>: <see cref="ModelTrainer.Train"/> with the default settings (the ones
/// <c>scanpipe model train</c> uses) on a folder of labelled texts. Target: 10,000 letters in under 2 minutes.</item>
/// </list>
/// The table goes to stdout, then one JSON object as the last line.
/// </summary>
public static class ClassifyRun
{
    public const double PredictionsPerSecondTarget = 5_000;
    public static readonly TimeSpan TrainingTarget = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var modelDir = arguments.Required("--model");
        var letters = arguments.Required("--letters");
        var trainDir = arguments.Value("--train");
        var seconds = arguments.Int("--seconds", 10);

        var texts = (await LabeledFolder.LoadAsync(letters, NoExtraction)).Examples.Select(e => e.Text).ToArray();
        if (texts.Length == 0) throw new InvalidOperationException($"no .txt letters in {letters}");
        using var model = TrainedModel.Load(modelDir);
        var predict = MeasurePredictions(model, texts, TimeSpan.FromSeconds(seconds));
        Console.Error.WriteLine($"[classify] predict: {predict.PerCpuSecond:F0}/CPU-s, {predict.PerWallSecond:F0}/s wall");

        TrainingResult? train = null;
        if (trainDir is not null)
        {
            var examples = (await LabeledFolder.LoadAsync(trainDir, NoExtraction)).Examples;
            train = MeasureTraining(examples);
            Console.Error.WriteLine($"[classify] train: {examples.Count} texts in {train.WallSeconds:F1} s ({train.CpuSeconds:F1} CPU-s)");
        }

        // The machine is shared: the load average tells how far wall times are from what the work costs.
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
        var table = new Table().AddColumns("measure", "value", "target", "met");
        table.AddRow("predictions / CPU-second, one thread", $"{predict.PerCpuSecond:N0}", $">= {PredictionsPerSecondTarget:N0}",
            predict.PerCpuSecond >= PredictionsPerSecondTarget ? "yes" : "NO");
        table.AddRow("predictions / wall-second, one thread", $"{predict.PerWallSecond:N0}", "", "");
        table.AddRow("letters predicted (mean characters)", $"{predict.Count:N0} ({predict.MeanCharacters:N0})", "", "");
        if (train is not null)
        {
            table.AddRow($"training on {train.Examples:N0} texts, wall s", $"{train.WallSeconds:F1}", $"< {TrainingTarget.TotalSeconds:F0}",
                train.WallSeconds < TrainingTarget.TotalSeconds ? "yes" : "NO");
            table.AddRow("training, CPU s", $"{train.CpuSeconds:F1}", "", "");
            table.AddRow("chosen trainer", Markup.Escape(train.Trainer), "", "");
        }
        table.AddRow("load average at the end (1, 5, 15 min)", load, "", "");
        AnsiConsole.Write(table);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            run = "classify",
            cores = Environment.ProcessorCount,
            loadAverage = load,
            model = model.Version,
            predict,
            train,
        }, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        return 0;
    }

    public sealed record PredictionResult(int Count, double MeanCharacters, double WallSeconds, double CpuSeconds, double PerWallSecond, double PerCpuSecond);

    public sealed record TrainingResult(int Examples, string Trainer, double WallSeconds, double CpuSeconds, double PeakRssMiB);

    private static PredictionResult MeasurePredictions(TrainedModel model, string[] texts, TimeSpan duration)
    {
        // Warm-up: the JIT compiles the featurisation and the pooled prediction engine is created.
        foreach (var text in texts.Take(200)) model.Predict(text);
        var count = 0;
        long characters = 0;
        var cpuBefore = ProcessStatus.CpuTime();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration || count < texts.Length)
        {
            var text = texts[count % texts.Length];
            if (model.Predict(text) is null) throw new InvalidOperationException("a letter without words");
            characters += text.Length;
            count++;
        }
        var wall = stopwatch.Elapsed.TotalSeconds;
        var cpu = (ProcessStatus.CpuTime() - cpuBefore).TotalSeconds;
        return new PredictionResult(count, Math.Round((double)characters / count), Math.Round(wall, 2), Math.Round(cpu, 2),
            Math.Round(count / wall), Math.Round(count / cpu));
    }

    private static TrainingResult MeasureTraining(IReadOnlyList<LabeledText> examples)
    {
        var cpuBefore = ProcessStatus.CpuTime();
        var stopwatch = Stopwatch.StartNew();
        using var trained = ModelTrainer.Train(examples, new TrainingSettings(), new Progress<string>(m => Console.Error.WriteLine($"[classify] {m}")));
        var wall = stopwatch.Elapsed.TotalSeconds;
        var cpu = (ProcessStatus.CpuTime() - cpuBefore).TotalSeconds;
        return new TrainingResult(examples.Count, trained.Manifest.Trainer.Name, Math.Round(wall, 1), Math.Round(cpu, 1), ProcessStatus.PeakRssMiB());
    }

    private static Task<string> NoExtraction(string path, CancellationToken ct) =>
        throw new InvalidOperationException($"{path}: the classify benchmark reads .txt letters only");
}

using System.CommandLine;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Training;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Core.Storage;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Operations;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe model train --data DIR --out DIR</c> and <c>scanpipe model evaluate --model DIR --data DIR [--ood DIR] [--json]</c>.
/// A data folder has one sub-folder per document type with .txt, .pdf, .png, .jpg or .tif files; scans
/// and PDFs are read with the same OCR as the pipeline, so the model learns from what it will see.
/// </summary>
internal static class ModelCommands
{
    public static Command Create()
    {
        var model = new Command("model", Texts.ModelDescription);
        model.Subcommands.Add(CreateTrain());
        model.Subcommands.Add(CreateEvaluate());
        model.Subcommands.Add(ModelLifecycleCommands.CreateList());
        model.Subcommands.Add(ModelLifecycleCommands.CreatePromote());
        model.Subcommands.Add(ModelLifecycleCommands.CreateRollback());
        model.Subcommands.Add(CorrectionCommands.CreateList());
        return model;
    }

    private static Command CreateTrain()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = Texts.TrainDataOption, Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = Texts.TrainOutOption, Required = true };
        var activate = new Option<bool>("--activate") { Description = Texts.TrainActivateOption };
        var includeCorrections = new Option<bool>("--include-corrections") { Description = Texts.TrainIncludeCorrectionsOption };
        var command = new Command("train", Texts.TrainDescription) { data, output, activate, includeCorrections };
        command.SetAction(async (parse, ct) =>
        {
            var dataDir = parse.GetRequiredValue(data);
            var outDir = parse.GetRequiredValue(output);
            using var host = CliHost.Create(imaging: true, storage: parse.GetValue(includeCorrections));
            var examples = await LoadAsync(host, dataDir, ct);
            if (examples is null) return 2;
            if (parse.GetValue(includeCorrections)) examples = [.. examples, .. await LoadCorrectionsAsync(host, ct)];

            var progress = new Progress<string>(message => Console.Error.WriteLine(message));
            using var trained = ModelTrainer.Train(examples, new TrainingSettings(), progress);
            // --out is a models folder: every model is a version folder in it, never overwritten.
            var registry = new ModelRegistry(outDir.FullName);
            var folder = registry.Store(trained);
            Console.WriteLine(string.Format(Texts.TrainDone, trained.Version, trained.Manifest.Trainer.Name, examples.Count, folder));
            foreach (var candidate in trained.Manifest.Candidates)
                Console.WriteLine($"  {candidate.Name,-32} macro-F1 {candidate.MacroF1:F4}  {Texts.Accuracy} {candidate.Accuracy:F4}");
            if (parse.GetValue(activate))
            {
                registry.Activate(trained.Version, "train --activate");
                Console.WriteLine(string.Format(Texts.TrainActivated, trained.Version));
            }
            return 0;
        });
        return command;
    }

    private static Command CreateEvaluate()
    {
        var modelDir = new Option<DirectoryInfo>("--model") { Description = Texts.EvaluateModelOption, Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = Texts.EvaluateDataOption, Required = true };
        var ood = new Option<DirectoryInfo>("--ood") { Description = Texts.EvaluateOodOption };
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var command = new Command("evaluate", Texts.EvaluateDescription) { modelDir, data, ood, json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Create(imaging: true);
            TrainedModel model;
            try
            {
                model = TrainedModel.Load(parse.GetRequiredValue(modelDir).FullName);
            }
            catch (ModelLoadException ex)
            {
                await Console.Error.WriteLineAsync(string.Format(Texts.ModelUnreadable, ex.Message));
                return 2;
            }
            var examples = await LoadAsync(host, parse.GetRequiredValue(data), ct);
            if (examples is null) return 2;

            using var loaded = model;
            var report = ModelEvaluator.Evaluate(model, examples);
            if (parse.GetValue(ood) is { } oodDir)
            {
                // Out-of-domain post is routed with the configured rules, as the classify stage would route it.
                var oodExamples = await LoadAsync(host, oodDir, ct);
                if (oodExamples is null) return 2;
                report = report with { OutOfDomain = ModelEvaluator.EvaluateOutOfDomain(model, examples, oodExamples, host.LoadRoutingRules()) };
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(report.ToJson());
                return 0;
            }
            Console.WriteLine(string.Format(Texts.EvaluateSummary, model.Manifest.Version, examples.Count,
                report.Accuracy, report.MacroF1, report.Calibration.ExpectedCalibrationError));
            Console.WriteLine(string.Format(Texts.EvaluateCalibration, report.Calibration.Temperature, report.Calibration.UncalibratedExpectedCalibrationError));
            if (report.OutOfDomain is { } o)
                Console.WriteLine(string.Format(Texts.EvaluateOodSummary, o.Caught, o.Examples, o.CaughtRate,
                    o.InDomain.ToVerification, o.InDomain.Examples, o.InDomain.Rate));
            var table = new Table().AddColumns(Texts.ColumnDocumentType, "Precision", "Recall", "F1", Texts.ColumnSupport);
            foreach (var (label, metrics) in report.PerClass)
                table.AddRow(Markup.Escape(label), metrics.Precision.ToString("F3"), metrics.Recall.ToString("F3"),
                    metrics.F1.ToString("F3"), metrics.Support.ToString());
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary>The recorded corrections as labelled examples (<see cref="CorrectionExamples"/>), reported on stderr.</summary>
    private static async Task<IReadOnlyList<LabeledText>> LoadCorrectionsAsync(CliHost host, CancellationToken ct)
    {
        var corrections = await CorrectionExamples.LoadAsync(host.Get<MetadataStore>(), host.Get<IBlobStore>(), ct);
        foreach (var documentId in corrections.DocumentsWithoutText)
            await Console.Error.WriteLineAsync(string.Format(Texts.TrainCorrectionTextMissing, documentId));
        Console.Error.WriteLine(string.Format(Texts.TrainCorrectionsAdded, corrections.Examples.Count));
        return corrections.Examples;
    }

    internal static async Task<IReadOnlyList<LabeledText>?> LoadAsync(CliHost host, DirectoryInfo dir, CancellationToken ct)
    {
        if (!dir.Exists)
        {
            await Console.Error.WriteLineAsync($"{dir.FullName}: {Texts.DirectoryNotFound}");
            return null;
        }
        var recognizer = host.Get<IDocumentRecognizer>();
        var progress = new Progress<int>(n => { if (n % 100 == 0) Console.Error.WriteLine(string.Format(Texts.FilesRead, n)); });
        var contents = await LabeledFolder.LoadAsync(dir.FullName, (path, token) => CliHost.ExtractTextAsync(recognizer, path, token),
            progress, options: null, ct);
        foreach (var skipped in contents.Skipped)
            await Console.Error.WriteLineAsync(string.Format(Texts.FileSkipped, skipped.Source, skipped.Reason));
        var examples = contents.Examples;
        if (examples.Count == 0)
        {
            await Console.Error.WriteLineAsync(string.Format(Texts.NoExamples, dir.FullName));
            return null;
        }
        return examples;
    }
}

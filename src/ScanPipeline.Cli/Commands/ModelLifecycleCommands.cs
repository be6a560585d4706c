using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification;
using ScanPipeline.Classification.Models;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe model list</c>, <c>model promote VERSION [--force]</c> and <c>model rollback</c>: the model
/// registry under models/ (or --models DIR). Promotion and rollback only rewrite models/active.json;
/// running classify workers pick the change up by themselves (hot reload).
/// </summary>
internal static class ModelLifecycleCommands
{
    /// <summary>Exit code of a promotion refused by the gate.</summary>
    public const int RefusedExitCode = 3;

    public static Command CreateList()
    {
        var models = ModelsOption();
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var command = new Command("list", Texts.ModelListDescription) { models, json };
        command.SetAction(parse =>
        {
            var registry = OpenRegistry(parse, models);
            var state = registry.ReadState();
            var (versions, pointer, pointerProblem, active) = (state.Versions, state.Pointer, state.PointerProblem, state.Active);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    modelsDirectory = registry.ModelsDirectory,
                    active,
                    activatedAt = pointer?.ActivatedAt,
                    history = pointer?.History ?? [],
                    versions = versions.Select(v => new
                    {
                        version = v.Version,
                        createdAt = v.Manifest.CreatedAt,
                        trainer = v.Manifest.Trainer.Name,
                        examples = v.Manifest.ExampleCounts.Values.Sum(),
                        labels = v.Manifest.Labels,
                        validationMacroF1 = v.Manifest.Validation.MacroF1,
                        mlNetVersion = v.Manifest.MlNetVersion,
                        trainingDataHash = v.Manifest.TrainingDataHash,
                        isActive = v.Version == active,
                    }),
                    problems = state.Problems.Select(p => new { folder = p.Folder, problem = p.Problem }),
                }, JsonOutput.Options));
                return 0;
            }

            if (versions.Count == 0) Console.WriteLine(string.Format(Texts.ModelListEmpty, registry.ModelsDirectory));
            else
            {
                var table = new Table().AddColumns("", Texts.ColumnVersion, Texts.ColumnCreated, Texts.ColumnTrainer,
                    Texts.ColumnExamples, Texts.ColumnDocumentTypes, Texts.ColumnValidationF1);
                foreach (var v in versions)
                    table.AddRow(v.Version == active ? "*" : "", v.Version, v.Manifest.CreatedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm"),
                        Markup.Escape(v.Manifest.Trainer.Name), v.Manifest.ExampleCounts.Values.Sum().ToString(),
                        v.Manifest.Labels.Count.ToString(), v.Manifest.Validation.MacroF1.ToString("F4"));
                AnsiConsole.Write(table);
            }
            if (pointerProblem is not null) Console.WriteLine(string.Format(Texts.ModelPointerInvalid, pointerProblem));
            else if (active is not null)
                Console.WriteLine(string.Format(Texts.ModelActiveLine, active,
                    pointer is null ? Texts.ModelActiveImplicit : pointer.ActivatedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm")));
            foreach (var earlier in pointer?.History ?? [])
                Console.WriteLine(string.Format(Texts.ModelHistoryLine, earlier.Version, earlier.ActivatedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm")));
            foreach (var (folder, problem) in state.Problems)
                Console.WriteLine(string.Format(Texts.ModelFolderProblem, folder, problem));
            return 0;
        });
        return command;
    }

    public static Command CreatePromote()
    {
        var version = new Argument<string>("version") { Description = Texts.PromoteVersionArgument };
        var models = ModelsOption();
        var data = new Option<DirectoryInfo>("--data") { Description = Texts.PromoteDataOption };
        var force = new Option<bool>("--force") { Description = Texts.PromoteForceOption };
        var command = new Command("promote", Texts.PromoteDescription) { version, models, data, force };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetRequiredValue(version);
            var registry = OpenRegistry(parse, models);
            if (!ModelRegistry.IsValidVersionName(name) || registry.ListVersions().All(v => v.Version != name))
            {
                await Console.Error.WriteLineAsync(string.Format(Texts.ModelVersionUnknown, name, registry.ModelsDirectory));
                return 2;
            }
            using var host = CliHost.Create(imaging: true);
            var heldOutDir = parse.GetValue(data)
                ?? new DirectoryInfo(host.Get<IOptions<ClassificationOptions>>().Value.HeldOutDirectory);
            var heldOut = await ModelCommands.LoadAsync(host, heldOutDir, ct);
            if (heldOut is null) return 2;

            PromotionResult result;
            try
            {
                result = ModelPromotion.Promote(registry, name, heldOut, parse.GetValue(force));
            }
            catch (ModelLoadException ex)
            {
                await Console.Error.WriteLineAsync(string.Format(Texts.PromoteUnloadable, name, ex.Message));
                return 2;
            }

            Console.WriteLine(string.Format(Texts.PromoteMeasured, heldOut.Count, heldOutDir.FullName));
            Console.WriteLine(string.Format(Texts.PromoteScoreLine, result.Candidate, result.CandidateReport.MacroF1, result.CandidateReport.Accuracy));
            if (result.CurrentReport is not null)
                Console.WriteLine(string.Format(Texts.PromoteScoreLine, result.Current, result.CurrentReport.MacroF1, result.CurrentReport.Accuracy));
            if (result.CurrentUnusableReason is not null)
                Console.WriteLine(string.Format(Texts.PromoteCurrentUnusable, result.CurrentUnusableReason));
            if (!result.Promoted)
            {
                await Console.Error.WriteLineAsync(string.Format(Texts.PromoteRefused, result.Candidate,
                    result.CandidateReport.MacroF1, result.CurrentReport!.MacroF1, result.Current));
                return RefusedExitCode;
            }
            Console.WriteLine(string.Format(result.Forced ? Texts.PromoteForced : Texts.PromoteDone, result.Candidate));
            return 0;
        });
        return command;
    }

    public static Command CreateRollback()
    {
        var models = ModelsOption();
        var command = new Command("rollback", Texts.RollbackDescription) { models };
        command.SetAction(parse =>
        {
            var registry = OpenRegistry(parse, models);
            var before = registry.GetActiveVersion();
            try
            {
                var pointer = registry.Rollback();
                Console.WriteLine(string.Format(Texts.RollbackDone, before, pointer.Version));
                return 0;
            }
            catch (ModelLoadException ex)
            {
                Console.Error.WriteLine(string.Format(Texts.RollbackImpossible, ex.Message));
                return 2;
            }
        });
        return command;
    }

    private static Option<DirectoryInfo> ModelsOption() => new("--models") { Description = Texts.ModelsDirectoryOption };

    /// <summary>--models, else the configured Classification:ModelsDirectory.</summary>
    private static ModelRegistry OpenRegistry(ParseResult parse, Option<DirectoryInfo> models)
    {
        if (parse.GetValue(models) is { } dir) return new ModelRegistry(dir.FullName);
        using var host = CliHost.Create();
        var configured = host.Services.GetService(typeof(IConfiguration)) is IConfiguration configuration
            ? configuration[$"{ClassificationOptions.Section}:{nameof(ClassificationOptions.ModelsDirectory)}"]
            : null;
        return new ModelRegistry(configured ?? new ClassificationOptions().ModelsDirectory);
    }
}

using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ScanPipeline.Core.Documents;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Operations;
using ScanPipeline.Worker.Options;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe quarantine list|show|retry|discard</c>: the files the pipeline could not process. Retry puts
/// the untouched original back into its scanner line's hot folder, so it goes through the whole pipeline
/// again; discard needs a reason. Both keep the original and record who decided, when and why.
/// </summary>
internal static class QuarantineCommands
{
    public static Command Create()
    {
        var quarantine = new Command("quarantine", Texts.QuarantineDescription);
        quarantine.Subcommands.Add(CreateList());
        quarantine.Subcommands.Add(CreateShow());
        quarantine.Subcommands.Add(CreateRetry());
        quarantine.Subcommands.Add(CreateDiscard());
        return quarantine;
    }

    private static Command CreateList()
    {
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var resolved = new Option<bool>("--resolved") { Description = Texts.QuarantineResolvedOption };
        var command = new Command("list", Texts.QuarantineListDescription) { json, resolved };
        command.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var store = host.Get<QuarantineStore>();
            if (parse.GetValue(resolved))
            {
                var done = store.ListResolved();
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(done.Select(d => new { item = d.Reason, resolution = d.Resolution }), JsonOutput.Options));
                    return 0;
                }
                var resolvedTable = new Table().AddColumns(Texts.ColumnRecorded, Texts.ColumnQuarantineId, Texts.ColumnFile,
                    Texts.ColumnAction, Texts.ColumnBy, Texts.ColumnReason);
                foreach (var (item, resolution) in done)
                    resolvedTable.AddRow(resolution.At.ToLocalTime().ToString("dd.MM.yyyy HH:mm"), item.Id, Markup.Escape(item.SourceFile),
                        resolution.Action == QuarantineAction.Retry ? Texts.ActionRetry : Texts.ActionDiscard,
                        Markup.Escape(resolution.Actor), Markup.Escape(resolution.Reason ?? ""));
                AnsiConsole.Write(resolvedTable);
                return 0;
            }

            var items = store.List();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(items, JsonOutput.Options));
                return 0;
            }
            Console.WriteLine(string.Format(Texts.QuarantineHeader, items.Count));
            var table = new Table().AddColumns(Texts.ColumnQuarantined, Texts.ColumnQuarantineId, Texts.ColumnLine, Texts.ColumnFile, Texts.ColumnReason);
            foreach (var item in items)
                table.AddRow(item.QuarantinedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm"), item.Id, Markup.Escape(item.ScannerLine),
                    Markup.Escape(item.SourceFile), Markup.Escape(item.Message));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command CreateShow()
    {
        var id = IdArgument();
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var command = new Command("show", Texts.QuarantineShowDescription) { id, json };
        command.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var store = host.Get<QuarantineStore>();
            if (Find(store, parse.GetRequiredValue(id)) is not { } item) return 2;
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { item, original = store.OriginalPath(item) }, JsonOutput.Options));
                return 0;
            }
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow(Texts.ColumnQuarantineId, item.Id);
            grid.AddRow(Texts.ColumnQuarantined, item.QuarantinedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm:ss"));
            grid.AddRow(Texts.ColumnLine, Markup.Escape(item.ScannerLine));
            grid.AddRow(Texts.ColumnFile, Markup.Escape(item.SourceFile));
            grid.AddRow(Texts.ColumnReason, Markup.Escape($"{item.Message} ({item.ReasonCode})"));
            grid.AddRow(Texts.ColumnDetail, Markup.Escape(item.Detail ?? ""));
            grid.AddRow(Texts.ColumnBatch, item.BatchId ?? "");
            grid.AddRow(Texts.ColumnOriginal, Markup.Escape($"{store.OriginalPath(item)} (SHA-256 {item.OriginalSha256})"));
            AnsiConsole.Write(grid);
            return 0;
        });
        return command;
    }

    private static Command CreateRetry()
    {
        var id = IdArgument();
        var by = new Option<string?>("--by") { Description = Texts.CorrectionByOption };
        var command = new Command("retry", Texts.QuarantineRetryDescription) { id, by };
        command.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var store = host.Get<QuarantineStore>();
            if (Find(store, parse.GetRequiredValue(id)) is not { } item) return 2;
            var lines = host.ScannerLines();
            var actions = new QuarantineActions(store, host.Get<MetadataStore>(), lines, TimeProvider.System);
            var outcome = actions.Retry(item, Actor(parse, by));
            if (outcome.HotFolderPath is not { } target)
            {
                Console.Error.WriteLine(string.Format(Texts.QuarantineLineUnknown, item.ScannerLine,
                    string.Join(", ", lines.Select(l => l.Name))));
                return 2;
            }
            Console.WriteLine(string.Format(Texts.QuarantineRetried, item.Id, target));
            return 0;
        });
        return command;
    }

    private static Command CreateDiscard()
    {
        var id = IdArgument();
        var reason = new Option<string>("--reason") { Description = Texts.QuarantineDiscardReasonOption, Required = true };
        var by = new Option<string?>("--by") { Description = Texts.CorrectionByOption };
        var command = new Command("discard", Texts.QuarantineDiscardDescription) { id, reason, by };
        command.SetAction(parse =>
        {
            var why = parse.GetRequiredValue(reason).Trim();
            if (why.Length < QuarantineActions.MinDiscardReasonLength)
            {
                Console.Error.WriteLine(Texts.QuarantineDiscardNeedsReason);
                return 2;
            }
            using var host = CliHost.Create(storage: true);
            var store = host.Get<QuarantineStore>();
            if (Find(store, parse.GetRequiredValue(id)) is not { } item) return 2;
            var actions = new QuarantineActions(store, host.Get<MetadataStore>(), [], TimeProvider.System);
            var folder = actions.Discard(item, why, Actor(parse, by));
            Console.WriteLine(string.Format(Texts.QuarantineDiscarded, item.Id, folder));
            return 0;
        });
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = Texts.QuarantineIdArgument };

    private static string Actor(ParseResult parse, Option<string?> by) =>
        parse.GetValue(by) is { Length: > 0 } name ? name : Environment.UserName;

    private static QuarantineReason? Find(QuarantineStore store, string id)
    {
        QuarantineReason? item = null;
        try
        {
            item = store.Read(id);
        }
        catch (ArgumentException)
        {
            // Not an id of the form q-<20 hex digits>: never turned into a path.
        }
        if (item is null || store.List().All(i => i.Id != item.Id))
        {
            Console.Error.WriteLine(string.Format(Texts.QuarantineNotFound, id));
            return null;
        }
        return item;
    }
}

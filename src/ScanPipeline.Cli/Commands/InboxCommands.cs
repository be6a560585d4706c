using System.CommandLine;
using System.Text.Json;
using ScanPipeline.Storage;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary><c>scanpipe inbox list --department CODE [--json]</c>: the documents waiting in one department's inbox.</summary>
internal static class InboxCommands
{
    public static Command Create()
    {
        var department = new Option<string>("--department") { Description = Texts.InboxDepartmentOption, Required = true };
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var list = new Command("list", Texts.InboxListDescription) { department, json };
        list.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var rules = host.LoadRoutingRules();
            var code = parse.GetRequiredValue(department);
            if (code != Core.Messages.Routing.VerificationTarget && rules.Departments.All(d => d.Code != code))
            {
                Console.Error.WriteLine(string.Format(Texts.UnknownDepartment, code,
                    string.Join(", ", rules.Departments.Select(d => d.Code))));
                return 2;
            }
            var items = host.Get<MetadataStore>().ListInbox(code);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(items, JsonOutput.Options));
                return 0;
            }
            Console.WriteLine(string.Format(Texts.InboxHeader, Departments.Label(rules, code), items.Count));
            var table = new Table().AddColumns(Texts.ColumnReceived, Texts.ColumnDocument, Texts.ColumnFile,
                Texts.ColumnPages, Texts.ColumnDocumentType, Texts.ColumnConfidence, Texts.ColumnStatus);
            foreach (var item in items)
                table.AddRow(item.ReceivedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm"), item.DocumentId,
                    Markup.Escape(item.SourceFile), item.PageCount.ToString(), Markup.Escape(item.DocumentType),
                    item.Confidence.ToString("P1"), Markup.Escape(item.Status));
            AnsiConsole.Write(table);
            return 0;
        });
        var inbox = new Command("inbox", Texts.InboxDescription);
        inbox.Subcommands.Add(list);
        inbox.Subcommands.Add(CorrectionCommands.CreateForward());
        return inbox;
    }
}

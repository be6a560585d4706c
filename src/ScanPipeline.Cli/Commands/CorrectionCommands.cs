using System.CommandLine;
using System.Text.Json;
using ScanPipeline.Storage;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// People's decisions about a document's type, which also become labelled data for retraining:
/// <c>scanpipe verify DOCUMENT --type TYPE</c> (operator, verification list) and
/// <c>scanpipe inbox forward DOCUMENT --department CODE [--type TYPE]</c> (case worker), and
/// <c>scanpipe model corrections</c> to see what was recorded.
/// </summary>
internal static class CorrectionCommands
{
    public static Command CreateVerify()
    {
        var document = new Argument<string>("document") { Description = Texts.CorrectionDocumentArgument };
        var type = new Option<string>("--type") { Description = Texts.VerifyTypeOption, Required = true };
        var by = ByOption();
        var command = new Command("verify", Texts.VerifyDescription) { document, type, by };
        command.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var corrections = Open(host);
            var outcome = corrections.Verify(parse.GetRequiredValue(document), parse.GetRequiredValue(type), Actor(parse, by));
            return Report(outcome, host);
        });
        return command;
    }

    public static Command CreateForward()
    {
        var document = new Argument<string>("document") { Description = Texts.CorrectionDocumentArgument };
        var department = new Option<string>("--department") { Description = Texts.ForwardDepartmentOption, Required = true };
        var type = new Option<string?>("--type") { Description = Texts.ForwardTypeOption };
        var by = ByOption();
        var command = new Command("forward", Texts.ForwardDescription) { document, department, type, by };
        command.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var corrections = Open(host);
            var code = parse.GetRequiredValue(department);
            var outcome = corrections.Forward(parse.GetRequiredValue(document), code, parse.GetValue(type), Actor(parse, by));
            return Report(outcome, host, code);
        });
        return command;
    }

    public static Command CreateList()
    {
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var command = new Command("corrections", Texts.CorrectionsListDescription) { json };
        command.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var corrections = host.Get<MetadataStore>().ListCorrections();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(corrections, JsonOutput.Options));
                return 0;
            }
            Console.WriteLine(string.Format(Texts.CorrectionsHeader, corrections.Count,
                corrections.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).Count()));
            var table = new Table().AddColumns(Texts.ColumnRecorded, Texts.ColumnDocument, Texts.ColumnCorrectionSource,
                Texts.ColumnPreviously, Texts.ColumnCorrected, Texts.ColumnBy);
            foreach (var c in corrections)
                table.AddRow(c.RecordedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm"), c.DocumentId,
                    c.Source == CorrectionSource.Verification ? Texts.SourceVerification : Texts.SourceReroute,
                    Markup.Escape($"{c.PreviousType} ({c.PreviousDepartment})"), Markup.Escape($"{c.CorrectedType} ({c.Department})"),
                    Markup.Escape(c.Actor));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Option<string?> ByOption() => new("--by") { Description = Texts.CorrectionByOption };

    private static string Actor(ParseResult parse, Option<string?> by) =>
        parse.GetValue(by) is { Length: > 0 } name ? name : Environment.UserName;

    private static DocumentCorrections Open(CliHost host) =>
        new(host.Get<MetadataStore>(), host.Get<EFileStore>(), host.LoadRoutingRules(), TimeProvider.System);

    private static int Report(CorrectionOutcome outcome, CliHost host, string? requestedDepartment = null)
    {
        if (outcome.Correction is { } c)
        {
            var rules = host.LoadRoutingRules();
            Console.WriteLine(string.Format(Texts.CorrectionDone, c.DocumentId, c.CorrectedType, Departments.Label(rules, c.Department),
                c.PreviousType, Departments.Label(rules, c.PreviousDepartment)));
            return 0;
        }
        var choices = string.Join(", ", outcome.Choices ?? []);
        Console.Error.WriteLine(outcome.Error switch
        {
            CorrectionError.DocumentNotFound => Texts.CorrectionDocumentNotFound,
            CorrectionError.NotInVerification => string.Format(Texts.CorrectionNotInVerification, choices),
            CorrectionError.UnknownType => string.Format(Texts.CorrectionUnknownType, choices),
            CorrectionError.UnknownDepartment => string.Format(Texts.UnknownDepartment, requestedDepartment, choices),
            CorrectionError.SameDepartment => Texts.CorrectionSameDepartment,
            CorrectionError.TypeNeeded => string.Format(Texts.CorrectionTypeNeeded, choices),
            CorrectionError.TypeNotForDepartment => string.Format(Texts.CorrectionTypeNotForDepartment, choices),
            _ => outcome.Error.ToString(),
        });
        return 2;
    }
}

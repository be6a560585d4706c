using System.CommandLine;
using System.Text.Json;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Ocr;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe classify FILE [--json]</c>: document type, department and confidence of one file, with the
/// active model and the routing rules, exactly as the classify stage decides.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = Texts.ClassifyFileArgument };
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var command = new Command("classify", Texts.ClassifyDescription) { file, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(file), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, bool json, CancellationToken ct)
    {
        using var host = CliHost.Create(imaging: true, classification: true);
        var rules = host.LoadRoutingRules();
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"{file.Name}: {Texts.FileNotFound}");
            return 2;
        }
        string text;
        try
        {
            text = await CliHost.ExtractTextAsync(host.Get<IDocumentRecognizer>(), file.FullName, ct);
        }
        catch (PermanentProcessingException ex)
        {
            await Console.Error.WriteLineAsync(string.Format(Texts.OcrFailed, file.Name, OcrCommand.ReasonText(ex.ReasonCode)));
            return 1;
        }

        var prediction = host.Get<IDocumentClassifier>().Predict(text);
        var (target, reason) = rules.Decide(prediction);
        var department = prediction is null ? null : rules.Rules.FirstOrDefault(r => r.DocumentType == prediction.DocumentType)?.Department;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                documentType = prediction?.DocumentType,
                department,
                confidence = Math.Round(prediction?.Confidence ?? 0, 4),
                target,
                routingReason = reason,
                outOfDomain = prediction?.OutOfDomain,
                modelVersion = prediction?.ModelVersion,
            }, JsonOutput.Options));
            return 0;
        }

        var table = new Table().AddColumns(Texts.ColumnFile, Texts.ColumnDocumentType, Texts.ColumnDepartment, Texts.ColumnConfidence, Texts.ColumnTarget);
        table.AddRow(Markup.Escape(file.Name), Markup.Escape(prediction?.DocumentType ?? Texts.Unknown),
            Markup.Escape(department is null ? "-" : Departments.Label(rules, department)),
            prediction is null ? "-" : prediction.Confidence.ToString("P1"),
            Markup.Escape(target == Routing.VerificationTarget
                ? $"{Texts.Verification} ({Worker.Resources.ReasonTexts.ForVerification(reason)})"
                : Departments.Label(rules, target)));
        AnsiConsole.Write(table);
        return 0;
    }
}

internal static class JsonOutput
{
    // German type names stay readable ("Bußgeld-Einspruch", not "Bu\u00DFgeld"); the output is not HTML.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

internal static class Departments
{
    /// <summary>"63 Bauordnungsamt" for a department code; the verification queue by its German name.</summary>
    public static string Label(Core.Configuration.RoutingRules rules, string code) =>
        code == Routing.VerificationTarget
            ? Texts.Verification
            : rules.Departments.FirstOrDefault(d => d.Code == code) is { } d ? $"{d.Code} {d.Name}" : code;
}

using System.CommandLine;
using System.Text.Json;
using ScanPipeline.Storage;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe efile register --reference AZ --department CODE [--title T]</c> and <c>scanpipe efile list</c>:
/// the existing e-files (Akten) that incoming post is linked to when it names their reference number.
/// </summary>
internal static class CaseFileCommands
{
    public static Command Create()
    {
        var efile = new Command("efile", Texts.CaseFileDescription);
        efile.Subcommands.Add(CreateRegister());
        efile.Subcommands.Add(CreateList());
        return efile;
    }

    private static Command CreateRegister()
    {
        var reference = new Option<string>("--reference") { Description = Texts.CaseFileReferenceOption, Required = true };
        var department = new Option<string>("--department") { Description = Texts.CaseFileDepartmentOption, Required = true };
        var title = new Option<string?>("--title") { Description = Texts.CaseFileTitleOption };
        var command = new Command("register", Texts.CaseFileRegisterDescription) { reference, department, title };
        command.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var rules = host.LoadRoutingRules();
            var code = parse.GetRequiredValue(department);
            if (rules.Departments.All(d => d.Code != code))
            {
                Console.Error.WriteLine(string.Format(Texts.UnknownDepartment, code, string.Join(", ", rules.Departments.Select(d => d.Code))));
                return 2;
            }
            var value = parse.GetRequiredValue(reference).Trim();
            if (MetadataStore.ReferenceKey(value).Length is 0 or > 100)
            {
                Console.Error.WriteLine(Texts.CaseFileReferenceInvalid);
                return 2;
            }
            var added = host.Get<MetadataStore>().RegisterCaseFile(
                new CaseFile(value, code, parse.GetValue(title) ?? "", DateTimeOffset.UtcNow));
            Console.WriteLine(string.Format(added ? Texts.CaseFileRegistered : Texts.CaseFileExists, value));
            return 0;
        });
        return command;
    }

    private static Command CreateList()
    {
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var command = new Command("list", Texts.CaseFileListDescription) { json };
        command.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var metadata = host.Get<MetadataStore>();
            var files = metadata.ListCaseFiles()
                .Select(f => (File: f, Documents: metadata.ListDocumentsOfCaseFile(f.Reference)))
                .ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(files.Select(f => new
                {
                    f.File.Reference, f.File.Department, f.File.Title, f.File.RegisteredAt, documents = f.Documents,
                }), JsonOutput.Options));
                return 0;
            }
            var table = new Table().AddColumns(Texts.ColumnReference, Texts.ColumnDepartment, Texts.ColumnTitle, Texts.ColumnDocuments);
            foreach (var (file, documents) in files)
                table.AddRow(Markup.Escape(file.Reference), file.Department, Markup.Escape(file.Title), string.Join(", ", documents));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}

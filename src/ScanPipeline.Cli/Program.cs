using System.CommandLine;
using System.Globalization;
using ScanPipeline.Cli.Commands;

// `scanpipe`: the mailroom's command line. Output that a mailroom user reads is German by default and
// English with SCANPIPE_LANGUAGE=en; texts live in Resources/Texts*.resx.
var language = Environment.GetEnvironmentVariable("SCANPIPE_LANGUAGE");
CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(language) ? "de" : language);
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture;

// Redirected output (a log file, CI) has no terminal width; Spectre would wrap tables at 80 columns.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 160;

var root = new RootCommand(Texts.RootDescription)
{
    RunCommand.Create(),
    OcrCommand.Create(),
    ClassifyCommand.Create(),
    ModelCommands.Create(),
    InboxCommands.Create(),
    CorrectionCommands.CreateVerify(),
    CaseFileCommands.Create(),
    QuarantineCommands.Create(),
    DeadLetterCommands.Create(),
    BrokerCommands.Create(),
    BatchCommands.Create(),
    WebCommand.Create(),
    UserCommands.Create(),
};
return await root.Parse(args).InvokeAsync();

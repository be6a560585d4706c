using System.CommandLine;
using System.Globalization;
using ScanPipeline.Cli.Commands;

// `scanpipe`: the mailroom's command line. Output that a mailroom user reads is German by default and
// English with SCANPIPE_LANGUAGE=en; texts live in Resources/Texts*.resx.
var language = Environment.GetEnvironmentVariable("SCANPIPE_LANGUAGE");
CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(language) ? "de" : language);
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture;

var root = new RootCommand(Texts.RootDescription)
{
    RunCommand.Create(),
    OcrCommand.Create(),
    ClassifyCommand.Create(),
    ModelCommands.Create(),
    InboxCommands.Create(),
};
return await root.Parse(args).InvokeAsync();

using System.CommandLine;
using Microsoft.Extensions.Hosting;
using ScanPipeline.Web;

namespace ScanPipeline.Cli.Commands;

/// <summary><c>scanpipe web [--urls URLS]</c>: the web role alone, on the embedded stores, until Ctrl+C.</summary>
internal static class WebCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = Texts.WebUrlsOption, DefaultValueFactory = _ => "https://127.0.0.1:5443" };
        var command = new Command("web", Texts.WebDescription) { urls };
        command.SetAction(async (parse, ct) =>
        {
            var app = WebApp.Build([], new Dictionary<string, string?> { ["urls"] = parse.GetRequiredValue(urls) });
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}

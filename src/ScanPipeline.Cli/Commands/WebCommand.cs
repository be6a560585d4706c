using System.CommandLine;
using Microsoft.Extensions.Hosting;
using ScanPipeline.Web;

namespace ScanPipeline.Cli.Commands;

/// <summary><c>scanpipe web [--urls URLS]</c>: the web role alone, on the embedded stores, until Ctrl+C.</summary>
internal static class WebCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = Texts.WebUrlsOption };
        var command = new Command("web", Texts.WebDescription) { urls };
        command.SetAction(async (parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(urls) is { Length: > 0 } given) overrides["urls"] = given;
            var app = WebApp.Build([], overrides);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanPipeline.Messaging;
using ScanPipeline.Worker.Hosting;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// The whole mailroom host on real components for end-to-end tests: the shipped model and routing rules,
/// Tesseract, the fixture's broker virtual host, stores and two scanner lines' hot folders under <c>work</c>.
/// </summary>
public static class TestPipeline
{
    /// <param name="separationRules">One scanner line per rule, with that separation rule; default: two lines with the configured rule.</param>
    public static IHost Build(BrokerFixture broker, ITestOutputHelper output, string work, string roles = "all",
        IReadOnlyList<string>? separationRules = null)
    {
        var settings = broker.Settings("e2e-" + roles.Replace(',', '-'));
        settings["Pipeline:Roles:0"] = roles;
        settings["Pipeline:RoutingRulesPath"] = Repository.Path("config/routing-rules.json");
        settings["Classification:ModelsDirectory"] = Repository.Path("models");
        settings["Storage:DataDirectory"] = Path.Combine(work, "data");
        settings["Ingest:StableFor"] = "00:00:00.300";
        settings["Ingest:PollInterval"] = "00:00:00.100";
        settings["Imaging:WorkDirectory"] = WorkFolder(work);
        for (var i = 0; i < (separationRules?.Count ?? 2); i++)
        {
            settings[$"Ingest:ScannerLines:{i}:Name"] = $"scanstrasse-{i + 1}";
            settings[$"Ingest:ScannerLines:{i}:HotFolder"] = HotFolder(work, i);
            if (separationRules is not null) settings[$"Ingest:ScannerLines:{i}:Separation"] = separationRules[i];
        }
        Directory.CreateDirectory(WorkFolder(work));
        var builder = ScanPipelineHost.CreateBuilder(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new XunitLoggerProvider(output));
        builder.AddScanPipeline();
        // A developer's SCANPIPE_AMQP_URI must not pull the test out of its own virtual host.
        builder.Services.PostConfigure<RabbitMqOptions>(o => o.Uri = broker.AmqpUri);
        return builder.Build();
    }

    /// <summary>Where the host's OCR work files go; tests check that it ends empty.</summary>
    public static string WorkFolder(string work) => Path.Combine(work, "ocr-work");

    public static string HotFolder(string work, int line) => Path.Combine(work, "hot", $"scanstrasse-{line + 1}");

    /// <summary>Drops a file into a hot folder as a scanner does: written under a temporary name, renamed once complete.</summary>
    public static void Drop(string hotFolder, string name, byte[] content)
    {
        Directory.CreateDirectory(hotFolder);
        File.WriteAllBytes(Path.Combine(hotFolder, name + ".part"), content);
        File.Move(Path.Combine(hotFolder, name + ".part"), Path.Combine(hotFolder, name));
    }
}

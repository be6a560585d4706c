using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScanPipeline.Benchmarks.Infrastructure;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;
using ScanPipeline.Imaging.Ocr;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Hosting;

namespace ScanPipeline.Benchmarks.Runs;

/// <summary>
/// (d) The whole pipeline, hot folder to inbox, in its own process, composed like <c>scanpipe run</c>: every
/// role in one host, the shipped model and routing rules, a fresh data folder and its own broker virtual host
/// (both reset first). The host is started, then the pages are dropped into the two scanner lines' hot
/// folders as a scanner does (written as *.part, renamed when complete), one single-page file per letter. The
/// time runs from the drop to the last document filed in an inbox (its DeliveredAt).
/// </summary>
public static class PipelineRun
{
    public const string VirtualHost = "scanpipe-benchmark";
    private static readonly string[] Lines = ["scanstrasse-1", "scanstrasse-2"];

    public static async Task<RunResult> RunAsync(BenchmarkPages pages, int engineThreads, string dataRoot, TimeSpan timeout)
    {
        dataRoot = Path.GetFullPath(dataRoot);
        if (Directory.Exists(dataRoot)) Directory.Delete(dataRoot, recursive: true);
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(dataRoot, "data"),
            // The lines below, whatever an admin saved in config/scanner-lines.json: this file never exists.
            ["Pipeline:ScannerLinesPath"] = Path.Combine(dataRoot, "scanner-lines.json"),
            ["Imaging:EngineThreads"] = engineThreads.ToString(CultureInfo.InvariantCulture),
            // As `scanpipe run`: the scanner renames a finished file, so a short stability wait is enough.
            ["Ingest:StableFor"] = "00:00:00.300",
            ["Ingest:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < Lines.Length; i++)
        {
            overrides[$"Ingest:ScannerLines:{i}:Name"] = Lines[i];
            overrides[$"Ingest:ScannerLines:{i}:HotFolder"] = HotFolder(dataRoot, Lines[i]);
        }
        var builder = ScanPipelineHost.CreateBuilder(overrides);
        var brokerUri = Environment.GetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : builder.Configuration[$"{RabbitMqOptions.Section}:{nameof(RabbitMqOptions.Uri)}"] ?? new RabbitMqOptions().Uri;
        Environment.SetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable,
            new UriBuilder(brokerUri) { Path = "/" + Uri.EscapeDataString(VirtualHost) }.Uri.ToString());
        builder.AddScanPipeline();
        using var host = builder.Build();
        var broker = host.Services.GetRequiredService<BrokerPolicies>();
        await broker.DeleteVirtualHostAsync(VirtualHost, CancellationToken.None);
        await broker.EnsureVirtualHostAsync(VirtualHost, CancellationToken.None);
        await host.StartAsync();

        var metadata = host.Services.GetRequiredService<MetadataStore>();
        var quarantine = host.Services.GetRequiredService<QuarantineStore>();
        var rules = host.Services.GetRequiredService<RoutingRules>();
        var cpuBefore = ProcessStatus.CpuTime();
        var dropped = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < pages.Count; i++)
        {
            var folder = HotFolder(dataRoot, Lines[i % Lines.Length]);
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, Path.GetFileName(pages.Scans[i]));
            File.Copy(pages.Scans[i], target + ".part");
            File.Move(target + ".part", target);
        }

        // One cheap count per poll (not one query per file), so that watching costs the pipeline no CPU to speak of.
        int filed = 0, quarantined = 0;
        var peakRss = 0.0;
        var engineNamed = 0;
        while (stopwatch.Elapsed < timeout)
        {
            filed = metadata.CountInboxByDepartment().Values.Sum();
            quarantined = quarantine.List().Count;
            engineNamed = Math.Max(engineNamed, ProcessStatus.EngineNamedThreads());
            if (filed + quarantined >= pages.Count) break;
            await Task.Delay(500);
        }
        var cpu = ProcessStatus.CpuTime() - cpuBefore;
        var wall = stopwatch.Elapsed;
        peakRss = ProcessStatus.PeakRssMiB();
        var threads = ProcessStatus.ThreadNames().Count;
        await host.StopAsync(CancellationToken.None);
        if (filed + quarantined < pages.Count)
            throw new TimeoutException($"only {filed + quarantined} of {pages.Count} pages arrived within {timeout}");

        var items = rules.Departments.Select(d => d.Code).Append(Routing.VerificationTarget)
            .SelectMany(code => metadata.ListInbox(code, limit: pages.Count)).ToList();
        if (items.Count == 0) throw new InvalidOperationException($"no page reached an inbox ({quarantined} quarantined)");
        var lastFiled = items.Max(i => i.DeliveredAt);
        var firstFiled = items.Min(i => i.DeliveredAt);
        var seconds = (lastFiled - dropped).TotalSeconds;
        var verification = items.Count(i => i.Department == Routing.VerificationTarget);
        return new RunResult("d", pages.Count, seconds)
        {
            PeakRssMiB = peakRss,
            OmpThreadLimit = OcrRuntime.OmpThreadLimit,
            EngineThreads = engineThreads,
            EngineNamedThreads = engineNamed,
            ProcessThreads = threads,
            CpuSecondsPerPage = Math.Round(cpu.TotalSeconds / pages.Count, 3),
            CpuUtilisation = Math.Round(cpu / wall / Environment.ProcessorCount, 3),
            Output = "per document: text, searchable PDF, classification, inbox row and e-file record",
            FirstDocumentSeconds = Math.Round((firstFiled - dropped).TotalSeconds, 2),
            Note = $"{items.Count} filed ({verification} for verification), {quarantined} quarantined; " +
                   $"mean ingest-to-inbox latency {items.Average(i => i.ProcessingSeconds):F1} s",
        };
    }

    private static string HotFolder(string dataRoot, string line) => Path.Combine(dataRoot, "hotfolders", line);
}

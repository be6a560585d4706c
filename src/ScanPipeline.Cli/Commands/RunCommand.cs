using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Hosting;
using ScanPipeline.Worker.Options;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe run</c>: the mailroom's main job. By default it processes the bundled samples end to end on a
/// fresh demo installation (its own data folder and its own broker virtual host, both reset first), feeding
/// the files through both scanner lines' hot folders, and prints one row per document and the totals.
/// With <c>--watch</c> it runs the configured roles on the configured stores and hot folders until stopped.
/// </summary>
internal static class RunCommand
{
    public const string DemoVirtualHost = "scanpipe-demo";
    private static readonly string DemoDirectory = Path.Combine("var", "demo");

    public static Command Create()
    {
        var watch = new Option<bool>("--watch") { Description = Texts.RunWatchOption };
        var samples = new Option<DirectoryInfo>("--samples")
        {
            Description = Texts.RunSamplesOption,
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("samples", "scans")),
        };
        var roles = new Option<string?>("--roles") { Description = Texts.RunRolesOption };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = Texts.RunTimeoutOption,
            DefaultValueFactory = _ => TimeSpan.FromMinutes(20),
        };
        var command = new Command("run", Texts.RunDescription) { watch, samples, roles, timeout };
        command.SetAction((parse, ct) => parse.GetValue(watch)
            ? WatchAsync(parse.GetValue(roles), ct)
            : RunSamplesAsync(parse.GetRequiredValue(samples), parse.GetValue(timeout), ct));
        return command;
    }

    private static async Task<int> WatchAsync(string? roles, CancellationToken ct)
    {
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(roles)) overrides["Pipeline:Roles:0"] = roles;
        var configured = string.IsNullOrWhiteSpace(roles) ? [Roles.All] : new[] { roles };
        var resolved = Roles.Resolve(configured);
        var running = new List<Task>();
        // The web role runs beside the stages in the same process, on the same stores (scanpipe web runs it alone).
        if (resolved.Contains(Roles.Web))
        {
            var stages = resolved.Where(r => r != Roles.Web).ToList();
            overrides["Pipeline:Roles:0"] = stages.Count == 0 ? null : string.Join(',', stages);
            var web = Web.WebApp.Build([], overrides);
            running.Add(RunWebAsync(web, ct));
            if (stages.Count == 0)
            {
                await Task.WhenAll(running);
                return 0;
            }
        }
        var builder = ScanPipelineHost.CreateBuilder(overrides);
        builder.AddScanPipeline();
        using var host = builder.Build();
        Console.Error.WriteLine(Texts.RunWatching);
        running.Add(host.RunAsync(ct));
        await Task.WhenAll(running);
        return 0;
    }

    private static async Task RunWebAsync(Microsoft.AspNetCore.Builder.WebApplication web, CancellationToken ct)
    {
        await web.StartAsync(ct);
        await web.WaitForShutdownAsync(ct);
        await web.DisposeAsync();
    }

    private static async Task<int> RunSamplesAsync(DirectoryInfo samples, TimeSpan timeout, CancellationToken ct)
    {
        var files = samples.Exists
            ? samples.EnumerateFiles().Where(f => !f.Name.StartsWith('.') && !IsDocumentation(f)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync(string.Format(Texts.RunNoSamples, samples.FullName));
            return 2;
        }

        // A fresh demo installation: its own stores and its own virtual host, so a run never mixes with
        // earlier runs or with a production installation on the same broker.
        var demo = Path.GetFullPath(DemoDirectory);
        if (Directory.Exists(demo)) Directory.Delete(demo, recursive: true);
        var lines = new[] { "scanstrasse-1", "scanstrasse-2" };
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(demo, "data"),
            // The demo's own lines below, whatever an admin saved in config/scanner-lines.json: this file never exists.
            ["Pipeline:ScannerLinesPath"] = Path.Combine(demo, "scanner-lines.json"),
            ["Ingest:StableFor"] = "00:00:00.300",
            ["Ingest:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < lines.Length; i++)
        {
            overrides[$"Ingest:ScannerLines:{i}:Name"] = lines[i];
            overrides[$"Ingest:ScannerLines:{i}:HotFolder"] = Path.Combine(demo, "hotfolders", lines[i]);
        }
        var builder = ScanPipelineHost.CreateBuilder(overrides);
        // The broker of the configuration (or of SCANPIPE_AMQP_URI), with the demo's own virtual host.
        var brokerUri = Environment.GetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : builder.Configuration[$"{RabbitMqOptions.Section}:{nameof(RabbitMqOptions.Uri)}"] ?? new RabbitMqOptions().Uri;
        Environment.SetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable, WithVirtualHost(brokerUri, DemoVirtualHost));
        builder.AddScanPipeline();
        using var host = builder.Build();
        var broker = host.Services.GetRequiredService<BrokerPolicies>();
        await broker.DeleteVirtualHostAsync(DemoVirtualHost, ct);
        await broker.EnsureVirtualHostAsync(DemoVirtualHost, ct);

        var stopwatch = Stopwatch.StartNew();
        await host.StartAsync(ct);
        var tracker = new BatchTracker(host.Services.GetRequiredService<MetadataStore>(), host.Services.GetRequiredService<QuarantineStore>());
        var rules = host.Services.GetRequiredService<Core.Configuration.RoutingRules>();

        // Drop the samples like a scanner does: written under a temporary name, renamed when complete.
        var batches = new List<SampleBatch>();
        for (var i = 0; i < files.Count; i++)
        {
            var line = lines[i % lines.Length];
            var folder = Path.Combine(demo, "hotfolders", line);
            Directory.CreateDirectory(folder);
            var sha = Ids.Sha256Hex(await File.ReadAllBytesAsync(files[i].FullName, ct));
            batches.Add(new SampleBatch(files[i].Name, line, sha));
            var part = Path.Combine(folder, files[i].Name + ".part");
            File.Copy(files[i].FullName, part, overwrite: true);
            File.Move(part, Path.Combine(folder, files[i].Name), overwrite: true);
        }
        Console.Error.WriteLine(string.Format(Texts.RunStarted, files.Count, string.Join(", ", lines)));

        var done = 0;
        var deadline = DateTime.UtcNow + timeout;
        while (!ct.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            var now = batches.Count(b => tracker.Outcome(b.Sha256).IsDone);
            if (now != done) Console.Error.WriteLine(string.Format(Texts.RunProgress, now, batches.Count, stopwatch.Elapsed.TotalSeconds));
            done = now;
            if (done == batches.Count) break;
            await Task.Delay(500, ct);
        }
        var elapsed = stopwatch.Elapsed;
        await host.StopAsync(CancellationToken.None);

        PrintReport(batches, tracker, rules, elapsed);
        if (done < batches.Count)
        {
            await Console.Error.WriteLineAsync(string.Format(Texts.RunIncomplete, batches.Count - done, timeout));
            return 1;
        }
        return 0;
    }

    /// <summary>The AMQP URI with another virtual host (the URI's path).</summary>
    internal static string WithVirtualHost(string amqpUri, string virtualHost) =>
        new UriBuilder(amqpUri) { Path = "/" + Uri.EscapeDataString(virtualHost) }.Uri.ToString();

    private static bool IsDocumentation(FileInfo file) =>
        file.Extension.ToLowerInvariant() is ".md" or ".json" or ".txt";

    private static void PrintReport(IReadOnlyList<SampleBatch> batches, BatchTracker tracker, Core.Configuration.RoutingRules rules,
        TimeSpan elapsed)
    {
        var table = new Table().AddColumns(Texts.ColumnFile, Texts.ColumnLine, Texts.ColumnPages, Texts.ColumnDocumentType,
            Texts.ColumnDepartment, Texts.ColumnConfidence, Texts.ColumnSeconds);
        table.Columns[2].RightAligned();
        table.Columns[5].RightAligned();
        table.Columns[6].RightAligned();
        int documents = 0, pages = 0, delivered = 0, verification = 0, quarantined = 0, pending = 0;
        var perDepartment = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            var outcome = tracker.Outcome(batch.Sha256);
            var quarantineRecord = outcome.Quarantine;
            // One row per document of the file (a batch may hold several), then one for a quarantine or for work in progress.
            foreach (var item in outcome.Documents)
            {
                documents++;
                pages += item.PageCount;
                var toVerification = item.Department == Routing.VerificationTarget;
                if (toVerification) verification++; else delivered++;
                perDepartment[item.Department] = perDepartment.GetValueOrDefault(item.Department) + 1;
                var department = toVerification
                    ? $"[yellow]{Markup.Escape(Texts.Verification)}[/]"
                    : Markup.Escape(Departments.Label(rules, item.Department));
                table.AddRow(Markup.Escape(batch.FileName), batch.Line, item.PageCount.ToString(), Markup.Escape(item.DocumentType),
                    department, item.Confidence.ToString("P1"), item.ProcessingSeconds.ToString("F1"));
            }
            if (quarantineRecord is not null)
            {
                quarantined++;
                table.AddRow(Markup.Escape(batch.FileName), batch.Line, "-", Markup.Escape(quarantineRecord.Message),
                    $"[red]{Markup.Escape(Texts.Quarantine)}[/]", "-", "-");
            }
            else if (!outcome.IsDone)
            {
                pending++;
                table.AddRow(Markup.Escape(batch.FileName), batch.Line, "-", "-", $"[red]{Markup.Escape(Texts.NotFinished)}[/]", "-", "-");
            }
        }
        AnsiConsole.Write(table);

        var totals = new Table().HideHeaders().AddColumns("", "");
        totals.AddRow(Texts.TotalFiles, batches.Count.ToString());
        totals.AddRow(Texts.TotalDocuments, documents.ToString());
        totals.AddRow(Texts.TotalPages, pages.ToString());
        totals.AddRow(Texts.TotalDelivered, delivered.ToString());
        totals.AddRow(Texts.TotalVerification, verification.ToString());
        totals.AddRow(Texts.TotalQuarantine, quarantined.ToString());
        if (pending > 0) totals.AddRow(Texts.TotalPending, pending.ToString());
        totals.AddRow(Texts.TotalSeconds, elapsed.TotalSeconds.ToString("F1"));
        totals.AddRow(Texts.TotalPagesPerMinute, (pages / Math.Max(elapsed.TotalMinutes, 1e-9)).ToString("F1"));
        foreach (var (department, count) in perDepartment)
            totals.AddRow(Markup.Escape(Departments.Label(rules, department)), count.ToString());
        AnsiConsole.Write(new Panel(totals).Header(Texts.Totals));
    }

    /// <summary>A sample file as the pipeline knows it: by its content hash, never by its name.</summary>
    private sealed record SampleBatch(string FileName, string Line, string Sha256);
}

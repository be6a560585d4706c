using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Hosting;

namespace ScanPipeline.Chaos;

/// <summary>
/// Runs the real mailroom as separate processes on a virtual host of its own: one ingest process and
/// <see cref="ChaosSettings.Workers"/> workers that all run the split, OCR, classify and deliver stages. It drops
/// the documents into the hot folders, SIGKILLs a random worker and restarts it, restarts the broker, waits
/// until every document has settled, and then checks the stores: each document in exactly one place.
/// </summary>
public sealed class ChaosRun(ChaosSettings settings)
{
    public const string VirtualHost = "scanpipe-chaos";
    private static readonly string[] Lines = ["scanstrasse-1", "scanstrasse-2"];
    private readonly Random _random = new(20261125);
    private readonly Stopwatch _clock = new();

    private void Say(string message) => Console.Error.WriteLine($"[chaos {_clock.Elapsed.TotalSeconds,6:F1} s] {message}");

    public async Task<ChaosReport> RunAsync()
    {
        _clock.Start();
        var work = settings.WorkDirectory;
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        var data = Path.Combine(work, "data");
        var inputs = WriteInputs(Path.Combine(work, "inputs"));
        Say($"{inputs.Count} documents written from {settings.SamplesDirectory}, each unique by content");

        var rabbit = new RabbitMqOptions();
        var uri = new UriBuilder(Environment.GetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable) is { Length: > 0 } u ? u : rabbit.Uri)
            { Path = "/" + Uri.EscapeDataString(VirtualHost) }.Uri.ToString();
        var environment = new Dictionary<string, string>
        {
            ["OMP_THREAD_LIMIT"] = "1",
            ["SCANPIPE_RabbitMq__Uri"] = uri,
            [RabbitMqOptions.UriEnvironmentVariable] = uri,
            ["SCANPIPE_Storage__DataDirectory"] = data,
            // The lines below, whatever an admin saved in config/scanner-lines.json: this file never exists.
            ["SCANPIPE_Pipeline__ScannerLinesPath"] = Path.Combine(work, "scanner-lines.json"),
            ["SCANPIPE_Imaging__EngineThreads"] = "1",
            ["SCANPIPE_Ingest__StableFor"] = "00:00:00.300",
            ["SCANPIPE_Ingest__PollInterval"] = "00:00:00.200",
            ["SCANPIPE_Logging__LogLevel__Default"] = "Information",
        };
        for (var i = 0; i < Lines.Length; i++)
        {
            environment[$"SCANPIPE_Ingest__ScannerLines__{i}__Name"] = Lines[i];
            environment[$"SCANPIPE_Ingest__ScannerLines__{i}__HotFolder"] = HotFolder(Lines[i]);
        }
        rabbit.Uri = uri;
        await ResetVirtualHostAsync(rabbit);
        await RunCliAsync(environment, "broker", "init");

        var logs = Directory.CreateDirectory(Path.Combine(work, "logs")).FullName;
        var ingest = new WorkerProcess("ingest", settings.Scanpipe, "ingest", environment, Path.Combine(logs, "ingest.log"));
        var workers = Enumerable.Range(1, settings.Workers)
            .Select(n => new WorkerProcess($"worker-{n}", settings.Scanpipe, "split,ocr,classify,deliver", environment, Path.Combine(logs, $"worker-{n}.log")))
            .ToList();
        ingest.Start();
        workers.ForEach(w => w.Start());
        Say($"started ingest and {workers.Count} workers (logs in {logs})");

        for (var i = 0; i < inputs.Count; i++)
        {
            var folder = HotFolder(Lines[i % Lines.Length]);
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, Path.GetFileName(inputs[i].Path));
            File.Copy(inputs[i].Path, target + ".part");
            File.Move(target + ".part", target);
        }
        Say($"dropped {inputs.Count} files into the hot folders");

        var metadata = new MetadataStore(Path.Combine(data, "scanpipe.db"));
        var quarantine = new QuarantineStore(Path.Combine(data, "quarantine"));
        var tracker = new BatchTracker(metadata, quarantine);
        int kills = 0, brokerRestarts = 0;
        var nextFault = TimeSpan.FromSeconds(4);
        var faultClock = Stopwatch.StartNew();
        var settled = false;
        while (_clock.Elapsed < settings.Timeout)
        {
            var done = inputs.Count(i => tracker.Outcome(i.Sha256).IsDone);
            settled = done == inputs.Count;
            var faultsLeft = kills < settings.Kills || brokerRestarts < settings.BrokerRestarts;
            if (settled && !faultsLeft) break;
            if (faultsLeft && faultClock.Elapsed >= nextFault)
            {
                if (brokerRestarts < settings.BrokerRestarts && kills >= Math.Min(2, settings.Kills))
                {
                    Say($"restarting the broker ({done}/{inputs.Count} settled)");
                    await RestartBrokerAsync();
                    brokerRestarts++;
                }
                else if (kills < settings.Kills)
                {
                    var victim = workers[_random.Next(workers.Count)];
                    Say($"SIGKILL {victim.Name} ({done}/{inputs.Count} settled)");
                    victim.Kill();
                    kills++;
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    victim.Start();
                }
                faultClock.Restart();
                nextFault = TimeSpan.FromSeconds(4 + _random.NextDouble() * 4);
            }
            await Task.Delay(500);
        }
        var seconds = _clock.Elapsed.TotalSeconds;
        Say(settled ? "every document settled; stopping the processes" : "timed out; stopping the processes");
        await Task.WhenAll(workers.Append(ingest).Select(w => w.StopAsync(TimeSpan.FromSeconds(20))));

        return Account(inputs, metadata, quarantine, new EFileStore(Path.Combine(data, "efile")), kills, brokerRestarts, seconds, settled);
    }

    private string HotFolder(string line) => Path.Combine(settings.WorkDirectory, "hot", line);

    /// <summary>
    /// settings.Documents files cycled from the samples, each made unique by bytes appended after the format's end
    /// (after %%EOF, JPEG's EOI, PNG's IEND, or the TIFF's last IFD), which readers ignore.
    /// </summary>
    private List<Input> WriteInputs(string folder)
    {
        Directory.CreateDirectory(folder);
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(settings.SamplesDirectory, "expected.json"))).RootElement
            .EnumerateArray()
            .Select(e => (File: e.GetProperty("file").GetString()!, Quarantine: e.TryGetProperty("quarantineReason", out var q) && q.ValueKind == JsonValueKind.String))
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ToList();
        var inputs = new List<Input>();
        for (var n = 0; n < settings.Documents; n++)
        {
            var sample = expected[n % expected.Count];
            var bytes = File.ReadAllBytes(Path.Combine(settings.SamplesDirectory, sample.File));
            var unique = Encoding.ASCII.GetBytes($"\n%chaos-{n:D4}\n");
            var path = Path.Combine(folder, $"{n:D4}-{sample.File}");
            File.WriteAllBytes(path, [.. bytes, .. unique]);
            inputs.Add(new Input(path, Ids.Sha256Hex([.. bytes, .. unique]), sample.Quarantine));
        }
        return inputs;
    }

    private static async Task ResetVirtualHostAsync(RabbitMqOptions options)
    {
        using var api = new ManagementApi(Options.Create(options));
        var policies = new BrokerPolicies(api, Options.Create(options), NullLogger<BrokerPolicies>.Instance);
        await policies.DeleteVirtualHostAsync(VirtualHost, CancellationToken.None);
        await policies.EnsureVirtualHostAsync(VirtualHost, CancellationToken.None);
    }

    private async Task RunCliAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(settings.Scanpipe);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scanpipe {string.Join(' ', args)} failed: {output}");
        Say(output.Trim());
    }

    /// <summary>Stops and starts the RabbitMQ application: every connection drops, the queues come back from disk.</summary>
    private static async Task RestartBrokerAsync()
    {
        await RunAsync("rabbitmqctl", "stop_app");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await RunAsync("rabbitmqctl", "start_app");
        await RunAsync("rabbitmqctl", "await_startup");
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}");
    }

    private ChaosReport Account(
        List<Input> inputs, MetadataStore metadata, QuarantineStore quarantine, EFileStore efiles, int kills, int restarts, double seconds,
        bool settled)
    {
        var tracker = new BatchTracker(metadata, quarantine);
        int inInbox = 0, inVerification = 0, inQuarantine = 0, lost = 0, duplicates = 0;
        var problems = new List<string>();
        var filed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var outcome = tracker.Outcome(input.Sha256);
            var quarantined = outcome.Quarantine is not null || outcome.Batch?.Status == BatchStatus.Quarantined;
            var places = outcome.Documents.Count + outcome.QuarantinedDocuments.Count + (quarantined && outcome.Documents.Count == 0 ? 1 : 0);
            if (places == 0) { lost++; problems.Add($"{Path.GetFileName(input.Path)}: in no inbox, not in verification, not in quarantine"); }
            if (places > 1) { duplicates += places - 1; problems.Add($"{Path.GetFileName(input.Path)}: in {places} places"); }
            foreach (var document in outcome.Documents)
            {
                if (document.Department == Routing.VerificationTarget) inVerification++;
                else inInbox++;
                filed.Add(document.DocumentId);
            }
            if (quarantined && outcome.Documents.Count == 0) inQuarantine++;
            inQuarantine += outcome.QuarantinedDocuments.Count;
            if (quarantined != input.ExpectQuarantine && places > 0)
                problems.Add($"{Path.GetFileName(input.Path)}: {(quarantined ? "quarantined" : "filed")}, expected {(input.ExpectQuarantine ? "quarantine" : "a document")}");
        }

        var stored = efiles.ListDocumentIds().ToList();
        foreach (var id in filed.Where(id => !stored.Contains(id)))
        {
            lost++;
            problems.Add($"{id}: in an inbox but not in the e-file store");
        }
        var orphans = stored.Count(id => !filed.Contains(id));
        if (orphans > 0)
        {
            duplicates += orphans;
            problems.Add($"{orphans} e-file record(s) of no filed document");
        }
        return new ChaosReport(inputs.Count, inInbox, inVerification, inQuarantine, stored.Count, lost, duplicates, kills, restarts,
            settings.Workers, seconds, settled, problems);
    }

    private sealed record Input(string Path, string Sha256, bool ExpectQuarantine);
}

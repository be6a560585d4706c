using System.Globalization;

namespace ScanPipeline.Chaos;

/// <summary>What the run does: how many documents, workers, kills and broker restarts, and where.</summary>
public sealed record ChaosSettings(
    int Documents, int Workers, int Kills, int BrokerRestarts, string WorkDirectory, string Scanpipe, TimeSpan Timeout,
    string SamplesDirectory)
{
    public static ChaosSettings Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var settings = new ChaosSettings(
            Documents: Int("--documents", 200),
            Workers: Int("--workers", 3),
            Kills: Int("--kills", 5),
            BrokerRestarts: Int("--broker-restarts", 1),
            WorkDirectory: Path.GetFullPath(Value("--work") ?? "var/chaos"),
            Scanpipe: Path.GetFullPath(Value("--scanpipe") ?? "src/ScanPipeline.Cli/bin/Release/net10.0/scanpipe.dll"),
            Timeout: TimeSpan.FromMinutes(Int("--timeout-minutes", 15)),
            SamplesDirectory: Path.GetFullPath(Value("--samples") ?? "samples/scans"));
        if (settings.Documents < 1 || settings.Workers < 1) throw new ArgumentException("--documents and --workers must be at least 1");
        if (!File.Exists(settings.Scanpipe)) throw new ArgumentException($"scanpipe not found at {settings.Scanpipe}; build src/ScanPipeline.Cli first");
        return settings;
    }
}

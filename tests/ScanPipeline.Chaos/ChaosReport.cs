using System.Text.Json;

namespace ScanPipeline.Chaos;

/// <summary>
/// The run's result. Every submitted document must be in exactly one place (a department inbox, the
/// verification list or quarantine) and, unless quarantined, exactly once in the e-file store.
/// </summary>
public sealed record ChaosReport(
    int Submitted, int InInbox, int InVerification, int InQuarantine, int InEFileStore, int Lost, int Duplicates,
    int WorkerKills, int BrokerRestarts, int Workers, double Seconds, bool AllSettled, IReadOnlyList<string> Problems)
{
    public bool Passed => AllSettled && Lost == 0 && Duplicates == 0 && Problems.Count == 0;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>One line: the fields the issue names first, then the run's details.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        submitted = Submitted, inInbox = InInbox, inVerification = InVerification, inQuarantine = InQuarantine,
        inEFileStore = InEFileStore, lost = Lost, duplicates = Duplicates, workerKills = WorkerKills, brokerRestarts = BrokerRestarts,
        workers = Workers, seconds = Math.Round(Seconds, 1), allSettled = AllSettled, passed = Passed, problems = Problems,
    }, JsonOptions);
}

using Microsoft.Extensions.Options;
using System.Globalization;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Web.Dashboard;

/// <summary>Documents delivered today to one department (or to the verification queue).</summary>
public sealed record DepartmentCount(string Code, string Name, int Documents);

/// <summary>Files and documents quarantined in the last 24 hours for one reason.</summary>
public sealed record ErrorCount(string ReasonCode, int Files, int Documents);

/// <summary>Everything the dashboard shows, read at <see cref="At"/>.</summary>
public sealed record DashboardSnapshot(
    DateTimeOffset At,
    TimeZoneInfo Zone,
    TimeAxis Day,
    IReadOnlyList<LineThroughput> Lines,
    IReadOnlyList<QueueBacklog>? Backlog,
    IReadOnlyList<QueueHistory> BacklogHistory,
    bool HasSamplesToday,
    int SampleSeconds,
    IReadOnlyList<DepartmentCount> Departments,
    int QuarantinedFiles,
    int QuarantinedDocuments,
    IReadOnlyList<ErrorCount> ErrorsByReason,
    IReadOnlyDictionary<string, string> QueueNames)
{
    /// <summary>A work queue's name for people: the stage or department it feeds.</summary>
    public string NameOf(string queue) => QueueNames.GetValueOrDefault(queue, queue);

    /// <summary>Messages in the work queues' DLQs now; null when the broker could not be read.</summary>
    public long? DeadLetters => Backlog?.Sum(q => q.DeadLetters ?? 0);

    /// <summary>The local time of an instant, for labels.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);
}

/// <summary>
/// Collects the dashboard's figures: throughput per scanner line from the batches, the backlog from the broker
/// and its history from the sampler's readings, today's deliveries per department, and the last 24 hours'
/// quarantined files and documents. "Today" is the local calendar day of the web server.
/// </summary>
public sealed class DashboardFigures(
    MetadataStore metadata, QuarantineStore quarantine, BacklogReader backlog, RoutingRules rules,
    IOptionsMonitor<IngestOptions> ingest, IOptions<WebOptions> web, TimeProvider clock)
{
    public static readonly TimeSpan BucketWidth = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ErrorWindow = TimeSpan.FromHours(24);

    public async Task<DashboardSnapshot> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var zone = clock.LocalTimeZone;
        var day = TimeAxis.Day(now, zone, BucketWidth);

        var batchesSince = day.Start < now - Throughput.LastHour ? day.Start : now - Throughput.LastHour;
        var lines = Throughput.PerLine(ingest.CurrentValue.ScannerLines.Select(l => l.Name), metadata.ListBatchPagesSince(batchesSince), now, day);

        var workQueues = backlog.WorkQueues();
        var queues = await backlog.ReadAsync(ct);
        var samples = metadata.ListQueueDepthsSince(day.Start);
        var history = BacklogHistory.PerQueue(samples, workQueues, day).Where(q => q.Peak > 0).ToList();

        var errorsSince = now - ErrorWindow;
        var files = quarantine.ListQuarantinedSince(errorsSince);
        var documents = metadata.CountQuarantinedDocumentsSince(errorsSince);
        var errors = files.Select(f => f.ReasonCode).Concat(documents.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(code => new ErrorCount(code, files.Count(f => f.ReasonCode == code), documents.GetValueOrDefault(code)))
            .ToList();

        return new DashboardSnapshot(now, zone, day, lines, queues, history, samples.Count > 0, web.Value.DashboardSampleSeconds,
            DeliveredToday(metadata.CountDeliveredByDepartmentSince(day.Start)), files.Count, documents.Values.Sum(), errors,
            workQueues.ToDictionary(q => q, QueueName, StringComparer.Ordinal));
    }

    /// <summary>Every department of the routing rules (idle ones with 0), then the verification queue, then any other target found.</summary>
    private List<DepartmentCount> DeliveredToday(IReadOnlyDictionary<string, int> delivered)
    {
        var rows = rules.Departments.Select(d => new DepartmentCount(d.Code, d.Name, delivered.GetValueOrDefault(d.Code))).ToList();
        rows.Add(new DepartmentCount(Routing.VerificationTarget, DashboardTexts.Departments_Verification, delivered.GetValueOrDefault(Routing.VerificationTarget)));
        rows.AddRange(delivered.Where(d => rows.All(r => r.Code != d.Key)).OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new DepartmentCount(d.Key, "", d.Value)));
        return rows;
    }

    /// <summary>A work queue's name for people: the stage or the department inbox it feeds.</summary>
    private string QueueName(string queue)
    {
        if (!queue.StartsWith(Topology.InboxQueuePrefix, StringComparison.Ordinal))
            return queue switch
            {
                Topology.SplitQueue => DashboardTexts.Queue_Split,
                Topology.OcrQueue => DashboardTexts.Queue_Ocr,
                Topology.ClassifyQueue => DashboardTexts.Queue_Classify,
                Topology.VerificationQueue => DashboardTexts.Queue_Verification,
                _ => queue,
            };
        var code = queue[Topology.InboxQueuePrefix.Length..];
        var name = rules.Departments.FirstOrDefault(d => d.Code == code)?.Name ?? "";
        return string.Format(CultureInfo.CurrentCulture, DashboardTexts.Queue_Inbox, code, name).Trim();
    }
}

using ScanPipeline.Messaging;
using ScanPipeline.Worker.Configuration;

namespace ScanPipeline.Web.Dashboard;

/// <summary>A work queue as the broker counts it now: messages waiting, consumers attached, and messages in its DLQ.</summary>
public sealed record QueueBacklog(string Queue, long Ready, long Consumers, long? DeadLetters);

/// <summary>
/// Reads the backlog of the pipeline's work queues (those of the current routing rules) from the broker, with
/// exact counts from passive declares (<see cref="QueueInspector.CountAsync"/>). The dashboard must answer even
/// when the broker does not, so every reading has a time limit and a failure is reported as null, never thrown.
/// </summary>
public sealed class BacklogReader(QueueInspector inspector, RoutingRulesFile rules, ILogger<BacklogReader> logger)
{
    /// <summary>
    /// Longest wait for one reading. The connection retries a broker that is down until this runs out, so it is
    /// also how long a dashboard request waits before it says the broker is not reachable.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The work queues of the current routing rules in pipeline order: stages, department inboxes, verification.</summary>
    public IReadOnlyList<string> WorkQueues() =>
        [.. Topology.WorkQueues(rules.Current.Departments.Select(d => d.Code)).Select(q => q.Name)];

    /// <summary>
    /// Each work queue that exists on the broker with its counts (a queue not declared yet is left out), or null
    /// when the broker did not answer within <see cref="Timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<QueueBacklog>?> ReadAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            var backlog = new List<QueueBacklog>();
            foreach (var queue in WorkQueues())
            {
                if (await inspector.CountAsync(queue, timeout.Token) is not { } work) continue;
                var deadLetters = await inspector.CountAsync(Topology.DeadLetterQueue(queue), timeout.Token);
                backlog.Add(new QueueBacklog(queue, work.Ready, work.Consumers, deadLetters?.Ready));
            }
            return backlog;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Queue depths could not be read from the broker within {Timeout}: {Error}", Timeout, error.Message);
            return null;
        }
    }
}

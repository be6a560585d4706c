using System.Text.RegularExpressions;
using RabbitMQ.Client;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;

namespace ScanPipeline.Messaging;

/// <summary>A queue that stages consume, with the exchange and binding key that feed it.</summary>
public sealed record WorkQueue(string Name, string Exchange, string BindingKey)
{
    public string DeadLetterQueue => Topology.DeadLetterQueue(Name);
}

/// <summary>
/// Every exchange, queue and binding name of the pipeline (DESIGN.md §3), and their declaration.
/// Queues are durable quorum queues. Dead-lettering and the delivery limit are NOT queue arguments: they
/// come from the broker policy <see cref="BrokerPolicies"/> applies, so operators can change them without
/// re-creating queues.
/// </summary>
public static class Topology
{
    /// <summary>Pipeline events; routing key = message name.</summary>
    public const string EventsExchange = "scanpipe.events";

    /// <summary>Routed documents; routing key = department code or <see cref="VerificationQueue"/>.</summary>
    public const string RoutedExchange = "scanpipe.routed";

    /// <summary>Dead letters keep their original routing key, so each lands in its source queue's DLQ.</summary>
    public const string DeadLetterExchange = "scanpipe.dlx";

    public const string SplitQueue = "scanpipe.split";
    public const string OcrQueue = "scanpipe.ocr";
    public const string ClassifyQueue = "scanpipe.classify";
    public const string VerificationQueue = Routing.VerificationTarget;
    public const string InboxQueuePrefix = "inbox.";
    public const string DeadLetterQueueSuffix = ".dlq";

    /// <summary>Prefix of the delay exchanges and queues a transiently failed message waits in before its next attempt.</summary>
    public const string RetryPrefix = "scanpipe.retry.";

    /// <summary>The stage queues fed by pipeline events, in pipeline order.</summary>
    public static IReadOnlyList<WorkQueue> StageQueues { get; } =
    [
        new(SplitQueue, EventsExchange, MessageNames.BatchReceived),
        new(OcrQueue, EventsExchange, MessageNames.DocumentCaptured),
        new(ClassifyQueue, EventsExchange, MessageNames.DocumentRecognized),
    ];

    public static string InboxQueue(string departmentCode)
    {
        if (!RoutingRules.IsValidCode(departmentCode) || departmentCode == Routing.VerificationTarget)
            throw new ArgumentException($"'{departmentCode}' is not a valid department code.", nameof(departmentCode));
        return InboxQueuePrefix + departmentCode;
    }

    public static string DeadLetterQueue(string queue) => queue + DeadLetterQueueSuffix;

    /// <summary>
    /// The key that routes a failed message of <paramref name="queue"/> through the dead-letter exchange into
    /// that queue's DLQ: the queue's binding key, whatever routing key the message arrived with (a message back
    /// from a delay queue or replayed from its DLQ arrives with the queue's name). Null for a queue of no stage.
    /// </summary>
    public static string? DeadLetterRoutingKey(string queue) =>
        StageQueues.FirstOrDefault(q => q.Name == queue)?.BindingKey
        ?? (queue == VerificationQueue ? Routing.VerificationTarget
            : queue.StartsWith(InboxQueuePrefix, StringComparison.Ordinal) ? queue[InboxQueuePrefix.Length..] : null);

    public static bool IsDeadLetterQueue(string queue) => queue.EndsWith(DeadLetterQueueSuffix, StringComparison.Ordinal);

    /// <summary>Queues the deliver stage consumes: every department inbox and the verification queue.</summary>
    public static IReadOnlyList<string> DeliveryQueues(IEnumerable<string> departmentCodes) =>
        [.. departmentCodes.Select(InboxQueue), VerificationQueue];

    /// <summary>All work queues (not their DLQs) for these departments.</summary>
    public static IReadOnlyList<WorkQueue> WorkQueues(IEnumerable<string> departmentCodes) =>
    [
        .. StageQueues,
        .. departmentCodes.Select(code => new WorkQueue(InboxQueue(code), RoutedExchange, code)),
        new(VerificationQueue, RoutedExchange, Routing.VerificationTarget),
    ];

    /// <summary>
    /// Policy pattern for the work queues. Department codes have no dots, so "inbox.63.dlq" does not match;
    /// the dead-letter queues must stay without a delivery limit and without a dead-letter exchange.
    /// </summary>
    public static string WorkQueuePolicyPattern { get; } =
        "^(" + string.Join("|", StageQueues.Select(q => Regex.Escape(q.Name)).Append(Regex.Escape(VerificationQueue)))
        + "|" + Regex.Escape(InboxQueuePrefix) + "[A-Za-z0-9-]+)$";

    private static readonly Dictionary<string, object?> QuorumQueue = new() { ["x-queue-type"] = "quorum" };

    /// <summary>
    /// The waits before a transiently failed message's next attempt: base × 2^(attempts so far), capped, one per
    /// allowed retry; duplicates removed. Each wait is one delay queue.
    /// </summary>
    public static IReadOnlyList<TimeSpan> RetryDelays(TimeSpan baseDelay, TimeSpan maxDelay, int retries) =>
        Enumerable.Range(0, Math.Max(retries, 0)).Select(k => RetryBackoff.For(k, baseDelay, maxDelay))
            .Where(d => d > TimeSpan.Zero).Distinct().Order().ToList();

    /// <summary>Name of the delay exchange and its queue for one wait, e.g. scanpipe.retry.4000ms.</summary>
    public static string RetryQueue(TimeSpan delay) => RetryPrefix + (long)delay.TotalMilliseconds + "ms";

    /// <summary>
    /// Declares exchanges, work queues, dead-letter queues and bindings, and one delay queue per retry wait.
    /// Idempotent.
    /// </summary>
    /// <remarks>
    /// A delay queue is a quorum queue whose messages expire after its wait and are then dead-lettered to the
    /// default exchange with the routing key they were published with: the name of the work queue they failed
    /// in, so they land back there. At-least-once dead-lettering (RabbitMQ 3.10, which needs reject-publish
    /// overflow) keeps a message that expires during a broker restart.
    /// </remarks>
    public static async Task DeclareAsync(IChannel channel, IEnumerable<string> departmentCodes, CancellationToken ct,
        IReadOnlyList<TimeSpan>? retryDelays = null)
    {
        foreach (var delay in retryDelays ?? [])
        {
            var name = RetryQueue(delay);
            await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, arguments: null, cancellationToken: ct);
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-strategy"] = "at-least-once",
                ["x-overflow"] = "reject-publish",
            }, cancellationToken: ct);
            await channel.QueueBindAsync(name, name, "", cancellationToken: ct);
        }

        foreach (var exchange in new[] { EventsExchange, RoutedExchange, DeadLetterExchange })
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false,
                arguments: null, cancellationToken: ct);

        foreach (var queue in WorkQueues(departmentCodes))
        {
            await DeclareQuorumQueueAsync(channel, queue.Name, ct);
            await channel.QueueBindAsync(queue.Name, queue.Exchange, queue.BindingKey, cancellationToken: ct);
            await DeclareQuorumQueueAsync(channel, queue.DeadLetterQueue, ct);
            await channel.QueueBindAsync(queue.DeadLetterQueue, DeadLetterExchange, queue.BindingKey, cancellationToken: ct);
        }
    }

    private static Task DeclareQuorumQueueAsync(IChannel channel, string name, CancellationToken ct) =>
        channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments: QuorumQueue,
            cancellationToken: ct);
}

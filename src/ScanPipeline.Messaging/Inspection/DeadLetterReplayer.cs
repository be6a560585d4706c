using System.Globalization;
using RabbitMQ.Client;

namespace ScanPipeline.Messaging;

/// <summary>
/// Sends dead-lettered messages back to the work queue they failed in (<c>scanpipe dlq replay</c>), so they
/// go through the normal pipeline again. Each message is published to that queue alone (the default
/// exchange, routed by queue name), confirmed by the broker, and only then acknowledged in the DLQ: a crash
/// in between leaves a copy in both, which the idempotent stages absorb; nothing is dropped.
/// </summary>
public sealed class DeadLetterReplayer(RabbitMqConnection connection, RabbitMqPublisher publisher, TimeProvider clock)
{
    /// <summary>Header recording when an operator replayed the message.</summary>
    public const string ReplayedAt = "x-scanpipe-replayed-at";

    /// <summary>The work queue whose dead letters <paramref name="queue"/> (a work queue or its DLQ) names.</summary>
    public static string WorkQueueOf(string queue) =>
        Topology.IsDeadLetterQueue(queue) ? queue[..^Topology.DeadLetterQueueSuffix.Length] : queue;

    /// <summary>Replays up to <paramref name="max"/> messages, oldest first; returns how many went back.</summary>
    public async Task<int> ReplayAsync(string queue, int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var workQueue = WorkQueueOf(queue);
        var deadLetterQueue = Topology.DeadLetterQueue(workQueue);
        var replayed = 0;
        var channel = await connection.CreateChannelAsync(null, ct);
        await using (channel)
        {
            while (replayed < max && await channel.BasicGetAsync(deadLetterQueue, autoAck: false, ct) is { } message)
            {
                var properties = new BasicProperties(message.BasicProperties) { Persistent = true, Headers = CleanHeaders(message.BasicProperties.Headers) };
                await publisher.PublishRawAsync("", workQueue, properties, message.Body.ToArray(), ct);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                replayed++;
            }
            await channel.CloseAsync(ct);
        }
        return replayed;
    }

    /// <summary>The message's own headers without the failure bookkeeping of its last attempt.</summary>
    private Dictionary<string, object?> CleanHeaders(IDictionary<string, object?>? headers)
    {
        var clean = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in headers ?? new Dictionary<string, object?>())
        {
            var failureBookkeeping = name.StartsWith("x-scanpipe-", StringComparison.Ordinal)
                                     || MessageHeaders.IsBrokerDeathRecord(name)
                                     || name == MessageHeaders.DeliveryCount
                                     || name == Constants.PublishSequenceNumberHeader;
            if (!failureBookkeeping) clean[name] = value;
        }
        clean[ReplayedAt] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return clean;
    }
}

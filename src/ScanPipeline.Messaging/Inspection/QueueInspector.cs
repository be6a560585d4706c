using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using ScanPipeline.Core.Documents;

namespace ScanPipeline.Messaging;

/// <summary>Messages ready in a queue and its consumers, as the broker counts them right now.</summary>
public sealed record QueueCount(string Queue, uint Ready, uint Consumers);

/// <summary>One dead-lettered message: who it was, where it failed and why.</summary>
public sealed record DeadLetter(
    string? MessageId,
    string? MessageType,
    string RoutingKey,
    string ReasonCode,
    string? Detail,
    string? SourceQueue,
    string? FailedAt,
    int BodyBytes)
{
    /// <summary>
    /// Reads the reason of a dead-lettered message: the pipeline's own headers when a consumer dead-lettered it,
    /// otherwise the broker's x-death record (delivery limit reached, rejected, expired).
    /// </summary>
    public static DeadLetter From(IReadOnlyBasicProperties properties, string routingKey, int bodyBytes)
    {
        var headers = properties.Headers;
        var reason = HeaderValues.AsString(HeaderValues.Find(headers, MessageHeaders.Reason));
        var detail = HeaderValues.AsString(HeaderValues.Find(headers, MessageHeaders.Detail));
        var queue = HeaderValues.AsString(HeaderValues.Find(headers, MessageHeaders.Queue));
        var failedAt = HeaderValues.AsString(HeaderValues.Find(headers, MessageHeaders.FailedAt));
        if (reason is null && HeaderValues.Find(headers, MessageHeaders.Death) is IEnumerable<object?> deaths
            && deaths.OfType<IDictionary<string, object?>>().FirstOrDefault() is { } death)
        {
            var brokerReason = HeaderValues.AsString(HeaderValues.Find(death, "reason"));
            reason = brokerReason == "delivery_limit" ? ReasonCodes.DeliveryLimit : brokerReason;
            queue ??= HeaderValues.AsString(HeaderValues.Find(death, "queue"));
            var count = HeaderValues.AsInt64(HeaderValues.Find(death, "count"));
            detail ??= $"Dead-lettered by the broker ({brokerReason}, {count} time(s)).";
        }
        return new DeadLetter(properties.MessageId, properties.Type, routingKey, reason ?? "unknown", detail, queue, failedAt, bodyBytes);
    }
}

/// <summary>
/// Looks into queues for operators (the CLI's `dlq list`) and tests. Counts come from a passive declare, which
/// is exact at once; the management API's numbers lag by several seconds and serve only to list queue names.
/// </summary>
public sealed class QueueInspector(RabbitMqConnection connection, ManagementApi api, IOptions<RabbitMqOptions> options)
{
    private sealed record QueueName([property: JsonPropertyName("name")] string Name);

    /// <summary>Ready messages and consumers of a queue, or null if the queue does not exist.</summary>
    public async Task<QueueCount?> CountAsync(string queue, CancellationToken ct)
    {
        var channel = await connection.CreateChannelAsync(null, ct);
        await using (channel)
        {
            try
            {
                var ok = await channel.QueueDeclarePassiveAsync(queue, ct);
                await channel.CloseAsync(ct);
                return new QueueCount(queue, ok.MessageCount, ok.ConsumerCount);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
            {
                return null;
            }
        }
    }

    /// <summary>Names of all queues in the configured virtual host, sorted.</summary>
    public async Task<IReadOnlyList<string>> ListQueuesAsync(CancellationToken ct)
    {
        var vhost = ManagementApi.Segment(options.Value.GetVirtualHost());
        var queues = await api.GetAsync<List<QueueName>>($"api/queues/{vhost}?columns=name", ct);
        return [.. queues.Select(q => q.Name).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every dead-letter queue with its current count.</summary>
    public async Task<IReadOnlyList<QueueCount>> CountDeadLetterQueuesAsync(CancellationToken ct)
    {
        var counts = new List<QueueCount>();
        foreach (var queue in (await ListQueuesAsync(ct)).Where(Topology.IsDeadLetterQueue))
            if (await CountAsync(queue, ct) is { } count) counts.Add(count);
        return counts;
    }

    /// <summary>
    /// Reads up to <paramref name="max"/> messages of a (dead-letter) queue without removing them: they are
    /// fetched unacknowledged and handed back when the channel closes.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(string queue, int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var messages = new List<DeadLetter>();
        var channel = await connection.CreateChannelAsync(null, ct);
        await using (channel)
        {
            while (messages.Count < max && await channel.BasicGetAsync(queue, autoAck: false, ct) is { } result)
                messages.Add(DeadLetter.From(result.BasicProperties, result.RoutingKey, result.Body.Length));
            await channel.CloseAsync(ct);
        }
        return messages;
    }
}

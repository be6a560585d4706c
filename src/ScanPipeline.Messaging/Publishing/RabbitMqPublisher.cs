using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;

namespace ScanPipeline.Messaging;

/// <summary>
/// Publishes persistent JSON messages with publisher confirms and mandatory routing: a call returns only once
/// the broker has the message in a queue; a return (unroutable), a nack or a timeout throws.
/// </summary>
/// <remarks>
/// One channel, used by one publish at a time. Stages publish concurrently, and RabbitMQ.Client 7's own
/// confirm tracking has had races under concurrent publishes and cancellations on one channel
/// (rabbitmq-dotnet-client issues 1818, 1900); serialising keeps it correct. One awaited confirm costs
/// about 1 ms on loopback, far more than a mailroom's message rate needs.
/// </remarks>
public sealed class RabbitMqPublisher(RabbitMqConnection connection, IOptions<RabbitMqOptions> options, TimeProvider clock,
    ILogger<RabbitMqPublisher> logger) : IMessagePublisher, IAsyncDisposable, IDisposable
{
    /// <summary>Added by the client's confirm tracking; a dead-letter copy gets a fresh one.</summary>
    private const string ClientSequenceHeader = Constants.PublishSequenceNumberHeader;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    public Task PublishAsync<T>(T message, CancellationToken ct) where T : IMessage =>
        PublishMessageAsync(Topology.EventsExchange, T.Name, message, ct);

    public Task PublishRoutedAsync(DocumentRouted message, CancellationToken ct) =>
        PublishMessageAsync(Topology.RoutedExchange, message.Target, message, ct);

    /// <summary>
    /// Publishes a copy of a failed delivery to the dead-letter exchange with the routing key of the queue it came
    /// from (so it lands in that queue's DLQ), its properties and headers, plus the reason headers.
    /// Returns once confirmed; only then may the consumer ack the original.
    /// </summary>
    public Task PublishToDeadLetterAsync(ReceivedDelivery delivery, string reasonCode, string detail, CancellationToken ct)
    {
        var properties = new BasicProperties(delivery.Properties) { Persistent = true };
        var headers = CopyOwnHeaders(delivery);
        headers[MessageHeaders.Reason] = reasonCode;
        headers[MessageHeaders.Detail] = detail.Length > MessageHeaders.MaxDetailLength ? detail[..MessageHeaders.MaxDetailLength] : detail;
        headers[MessageHeaders.Queue] = delivery.Queue;
        headers[MessageHeaders.FailedAt] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        properties.Headers = headers;
        return PublishRawAsync(Topology.DeadLetterExchange, Topology.DeadLetterRoutingKey(delivery.Queue) ?? delivery.RoutingKey,
            properties, delivery.Body, ct);
    }

    /// <summary>
    /// Sends a transiently failed delivery to the delay queue for <paramref name="delay"/>, with its attempts
    /// counted in a header. When the wait is over, the broker puts it back into the queue it failed in.
    /// Returns once confirmed; only then may the consumer ack the original.
    /// </summary>
    public Task PublishForRetryAsync(ReceivedDelivery delivery, TimeSpan delay, long attempts, CancellationToken ct)
    {
        var properties = new BasicProperties(delivery.Properties) { Persistent = true };
        var headers = CopyOwnHeaders(delivery);
        foreach (var name in headers.Keys.Where(MessageHeaders.IsBrokerDeathRecord).ToList())
            headers.Remove(name);
        headers[MessageHeaders.Attempts] = attempts;
        properties.Headers = headers;
        // Routed by the work queue's name: the delay queue dead-letters to the default exchange with this key.
        return PublishRawAsync(Topology.RetryQueue(delay), delivery.Queue, properties, delivery.Body, ct);
    }

    /// <summary>The delivery's headers without what the client and the broker added for this one delivery.</summary>
    private static Dictionary<string, object?> CopyOwnHeaders(ReceivedDelivery delivery)
    {
        var headers = delivery.Properties.Headers is { } original
            ? new Dictionary<string, object?>(original, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        headers.Remove(ClientSequenceHeader);
        headers.Remove(MessageHeaders.DeliveryCount);
        return headers;
    }

    private Task PublishMessageAsync<T>(string exchange, string routingKey, T message, CancellationToken ct) where T : IMessage
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = MessageSerializer.ContentType,
            Type = T.Name,
            MessageId = MessageContracts.MessageId(message, T.Name),
            Timestamp = new AmqpTimestamp(clock.GetUtcNow().ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?> { [MessageHeaders.SchemaVersion] = message.SchemaVersion },
        };
        return PublishRawAsync(exchange, routingKey, properties, MessageSerializer.Serialize(message), ct);
    }

    /// <summary>Publishes and awaits the confirm, all within <see cref="RabbitMqOptions.PublishTimeout"/>.</summary>
    internal async Task PublishRawAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var limit = options.Value.PublishTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            await _gate.WaitAsync(timeout.Token);
            try
            {
                var channel = await GetChannelAsync(timeout.Token);
                await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body, timeout.Token);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (PublishReturnException ex)
        {
            throw new UnroutableMessageException(exchange, routingKey, ex.ReplyText, ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No publisher confirm for {properties.MessageId} to '{exchange}' ({routingKey}) within {limit}.", ex);
        }
    }

    /// <summary>
    /// The publishing channel. The client's recovery restores it after a lost connection; a channel closed by a
    /// channel-level error (e.g. an exchange that does not exist yet) is not recovered, so it is replaced here.
    /// Called under <see cref="_gate"/>.
    /// </summary>
    private async Task<IChannel> GetChannelAsync(CancellationToken ct)
    {
        if (_channel is { IsOpen: true } open) return open;
        var conn = await connection.GetAsync(ct);
        if (_channel is not null)
        {
            if (!conn.IsOpen)
                throw new TransientProcessingException("The RabbitMQ connection is down and recovering; publish again later.");
            logger.LogWarning("Publishing channel was closed ({Reason}); opening a new one", _channel.CloseReason?.ReplyText);
            await _channel.DisposeAsync();
            _channel = null;
        }
        _channel = await conn.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        return _channel;
    }

    /// <summary>For containers disposed synchronously; the host disposes asynchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_channel is { } channel)
            {
                _channel = null;
                try
                {
                    if (channel.IsOpen) await channel.CloseAsync();
                }
                catch (Exception ex)
                {
                    logger.LogDebug(ex, "Closing the publishing channel failed");
                }
                await channel.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;

namespace ScanPipeline.Messaging;

/// <summary>Which queues a consumer reads and how many deliveries it handles at once.</summary>
public sealed record ConsumerSettings(IReadOnlyList<string> Queues, int Concurrency);

/// <summary>
/// Hosts an <see cref="IMessageHandler{T}"/> on one or more queues: one channel, manual acks, bounded
/// prefetch, <see cref="ConsumerSettings.Concurrency"/> deliveries at once, a DI scope per delivery.
/// <list type="bullet">
/// <item>Handler returns → ack.</item>
/// <item>Unreadable message (wrong type, unknown schema version, invalid JSON) or
/// <see cref="PermanentProcessingException"/> → a copy with reason headers goes to the dead-letter exchange,
/// confirmed, and only then is the original acked. If that publish fails, the delivery is retried instead:
/// a failure is never acked unless it is durably dead-lettered.</item>
/// <item>Any other exception (or the handler timeout) → back-off from x-delivery-count, then nack with
/// requeue; the broker's delivery-limit policy dead-letters the message after the limit.</item>
/// <item>Shutdown → handlers are cancelled, their deliveries stay unacked and the broker redelivers them.</item>
/// </list>
/// The channel and its consumers are recovered with the connection. If they are lost in a way recovery does
/// not cover (channel error, queue deleted), the consumer fails and so stops the host.
/// </summary>
public sealed class MessageConsumer<T>(
    ConsumerSettings settings, RabbitMqConnection connection, RabbitMqPublisher publisher, TopologyReadiness topology,
    IServiceScopeFactory scopes, IServiceProviderIsService registrations, IOptions<RabbitMqOptions> options,
    TimeProvider clock, ILogger<MessageConsumer<T>> logger) : BackgroundService where T : IMessage
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WatchGrace = TimeSpan.FromSeconds(2);
    private readonly InFlightDeliveries _inFlight = new();
    private IChannel? _channel;
    private readonly List<string> _consumerTags = [];
    private CancellationToken _stopping = new(canceled: true);

    public ConsumerSettings Settings => settings;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!registrations.IsService(typeof(IMessageHandler<T>)))
            throw new InvalidOperationException($"No IMessageHandler<{typeof(T).Name}> is registered for queues {string.Join(", ", settings.Queues)}.");
        _stopping = stoppingToken;
        await topology.WaitAsync(stoppingToken);

        var prefetch = (ushort)Math.Max(options.Value.Prefetch, settings.Concurrency);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: (ushort)settings.Concurrency), stoppingToken);
        _channel = channel;
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: prefetch, global: false, stoppingToken);
        var consumers = new List<AsyncEventingBasicConsumer>();
        foreach (var queue in settings.Queues)
        {
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, queue, delivery);
            _consumerTags.Add(await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stoppingToken));
            consumers.Add(consumer);
        }
        logger.LogInformation("Consuming {Message} from {Queues} (concurrency {Concurrency}, prefetch {Prefetch})",
            T.Name, string.Join(", ", settings.Queues), settings.Concurrency, prefetch);

        await WatchAsync(channel, consumers, stoppingToken);
    }

    /// <summary>
    /// Automatic recovery restores the channel and its consumers after a lost connection, but not after a
    /// channel-level error or a consumer cancelled by the broker (its queue was deleted). Rather than sit idle
    /// while the queue fills, the consumer then fails, which stops the host so that its supervisor restarts it.
    /// </summary>
    private async Task WatchAsync(IChannel channel, List<AsyncEventingBasicConsumer> consumers, CancellationToken stoppingToken)
    {
        var grace = TimeSpan.FromTicks(Math.Max(WatchGrace.Ticks, 3 * options.Value.RecoveryInterval.Ticks));
        var conn = await connection.GetAsync(stoppingToken);
        DateTimeOffset? brokenSince = null;
        while (true)
        {
            try
            {
                await Task.Delay(WatchInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var channelLost = !channel.IsOpen && conn.IsOpen;
            var consumerLost = channel.IsOpen && consumers.Any(c => !c.IsRunning);
            if (!channelLost && !consumerLost)
            {
                brokenSince = null;
                continue;
            }
            brokenSince ??= clock.GetUtcNow();
            if (clock.GetUtcNow() - brokenSince < grace) continue;
            var reason = channelLost
                ? $"its channel was closed ({channel.CloseReason?.ReplyCode} {channel.CloseReason?.ReplyText})"
                : $"the broker cancelled consuming from {string.Join(", ", consumers.Where(c => !c.IsRunning).Select(c => settings.Queues[consumers.IndexOf(c)]))}";
            logger.LogCritical("The {Message} consumer stopped receiving: {Reason}. Stopping so that the host is restarted.", T.Name, reason);
            throw new InvalidOperationException($"The {T.Name} consumer stopped receiving: {reason}.");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancels the handlers first: their deliveries stay unacked. Then no new deliveries, wait for the
        // handlers to return, and close the channel, which hands every unacked delivery back to the broker.
        await base.StopAsync(cancellationToken);
        if (_channel is not { } channel) return;
        foreach (var tag in _consumerTags)
        {
            try
            {
                if (channel.IsOpen) await channel.BasicCancelAsync(tag, noWait: false, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Cancelling consumer {Tag} failed", tag);
            }
        }
        try
        {
            await _inFlight.WaitDrainedAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("{Count} {Message} handler(s) did not stop in time; closing the channel anyway", _inFlight.Count, T.Name);
        }
        try
        {
            if (channel.IsOpen) await channel.CloseAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Closing the {Message} consumer channel failed", T.Name);
        }
        await channel.DisposeAsync();
        _channel = null;
        logger.LogInformation("Stopped consuming {Message} from {Queues}", T.Name, string.Join(", ", settings.Queues));
    }

    private async Task OnReceivedAsync(IChannel channel, string queue, BasicDeliverEventArgs args)
    {
        _inFlight.Enter();
        try
        {
            // Arrived while stopping: leave it unacked, the broker redelivers it when the channel closes.
            if (_stopping.IsCancellationRequested) return;
            var delivery = new ReceivedDelivery(queue, args.Exchange, args.RoutingKey, args.DeliveryTag, args.Redelivered,
                args.BasicProperties, args.Body);
            await HandleAsync(channel, delivery);
        }
        finally
        {
            _inFlight.Exit();
        }
    }

    private async Task HandleAsync(IChannel channel, ReceivedDelivery delivery)
    {
        var limits = options.Value;
        try
        {
            if (delivery.PreviousDeliveries > limits.DeliveryLimit)
                throw new PermanentProcessingException(ReasonCodes.DeliveryLimit,
                    $"Delivered {delivery.PreviousDeliveries + 1} times, more than the limit of {limits.DeliveryLimit}: " +
                    $"the '{BrokerPolicies.WorkQueuePolicyName}' policy does not seem to apply to queue '{delivery.Queue}'.");

            var message = MessageSerializer.Deserialize<T>(delivery.Properties.Type,
                HeaderValues.Find(delivery.Properties.Headers, MessageHeaders.SchemaVersion), delivery.Body.Span);

            if (!await HandleWhileStoresRecoverAsync(message, delivery))
            {
                // Held as long as allowed: back to the queue (one redelivery), still never acked unhandled.
                await SettleAsync(channel, delivery, ack: false);
                return;
            }

            await SettleAsync(channel, delivery, ack: true);
            logger.LogDebug("Handled {Message} {MessageId} from {Queue}", T.Name, delivery.MessageId, delivery.Queue);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            logger.LogInformation("Stopping: {Message} {MessageId} from {Queue} stays unacknowledged and will be redelivered",
                T.Name, delivery.MessageId, delivery.Queue);
        }
        catch (PermanentProcessingException ex)
        {
            await DeadLetterAsync(channel, delivery, ex);
        }
        catch (Exception ex)
        {
            await RetryLaterAsync(channel, delivery, ex);
        }
    }

    /// <summary>
    /// Runs the handler. While a store is unavailable the delivery stays unacknowledged and is tried again in
    /// place with back-off: with every handler slot waiting so, the prefetch window fills and the broker stops
    /// sending, so consuming pauses; it resumes when the store is back. Returns false when the delivery was held
    /// for <see cref="RabbitMqOptions.StoreOutageHold"/> without the store coming back.
    /// </summary>
    private async Task<bool> HandleWhileStoresRecoverAsync(T message, ReceivedDelivery delivery)
    {
        var limits = options.Value;
        var since = clock.GetUtcNow();
        var wait = TimeSpan.FromSeconds(1) < limits.StoreOutageMaxWait ? TimeSpan.FromSeconds(1) : limits.StoreOutageMaxWait;
        for (var tries = 1; ; tries++)
        {
            try
            {
                await RunHandlerAsync(message, limits.HandlerTimeout);
                if (tries > 1)
                    logger.LogInformation("Store available again: {Message} {MessageId} from {Queue} handled after {Tries} tries; consuming resumed",
                        T.Name, delivery.MessageId, delivery.Queue, tries);
                return true;
            }
            catch (StoreUnavailableException ex)
            {
                if (clock.GetUtcNow() - since >= limits.StoreOutageHold)
                {
                    logger.LogError(ex, "Store still unavailable after {Hold}: {Message} {MessageId} goes back to {Queue}",
                        limits.StoreOutageHold, T.Name, delivery.MessageId, delivery.Queue);
                    return false;
                }
                if (tries == 1)
                    logger.LogWarning(ex, "Store unavailable: {Message} {MessageId} from {Queue} is held unacknowledged and consuming pauses until the store is back: {Error}",
                        T.Name, delivery.MessageId, delivery.Queue, ex.Message);
                await Task.Delay(wait, clock, _stopping);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, limits.StoreOutageMaxWait.Ticks));
            }
        }
    }

    private async Task RunHandlerAsync(T message, TimeSpan handlerTimeout)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        timeout.CancelAfter(handlerTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<IMessageHandler<T>>();
            await handler.HandleAsync(message, timeout.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"The handler did not finish within {handlerTimeout}.", ex);
        }
    }

    private async Task DeadLetterAsync(IChannel channel, ReceivedDelivery delivery, PermanentProcessingException error)
    {
        try
        {
            await publisher.PublishToDeadLetterAsync(delivery, error.ReasonCode, error.Message, _stopping);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not dead-letter {Message} {MessageId} from {Queue} ({Reason}); it stays in the queue and is retried",
                T.Name, delivery.MessageId, delivery.Queue, error.ReasonCode);
            // Returned to its queue, not to a delay queue: the broker's delivery limit still ends the series.
            await RequeueAfterAsync(channel, delivery,
                RetryBackoff.For(delivery.PreviousDeliveries, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay));
            return;
        }
        logger.LogWarning("Dead-lettered {Message} {MessageId} from {Queue} to {DeadLetterQueue}: {Reason} ({Detail})",
            T.Name, delivery.MessageId, delivery.Queue, Topology.DeadLetterQueue(delivery.Queue), error.ReasonCode, error.Message);
        await SettleAsync(channel, delivery, ack: true);
    }

    /// <summary>
    /// A transient failure: the message waits in a delay queue on the broker (base × 2^attempts, capped) and then
    /// returns to its work queue, while this worker goes on with other messages. After the allowed attempts it is
    /// dead-lettered with reason <see cref="ReasonCodes.DeliveryLimit"/>. If the delay queue cannot take it, the
    /// message is requeued after the wait instead; it is never acked without a confirmed copy somewhere.
    /// </summary>
    private async Task RetryLaterAsync(IChannel channel, ReceivedDelivery delivery, Exception error)
    {
        var limits = options.Value;
        var attempts = delivery.PreviousAttempts + 1;
        if (attempts > limits.DeliveryLimit)
        {
            await DeadLetterAsync(channel, delivery, new PermanentProcessingException(ReasonCodes.DeliveryLimit,
                $"Gave up after {attempts} attempts; the last failed with: {error.Message}", error));
            return;
        }
        var delay = RetryBackoff.For(delivery.PreviousAttempts, limits.RetryBaseDelay, limits.RetryMaxDelay);
        logger.LogWarning(error, "{Message} {MessageId} from {Queue} failed on attempt {Attempt} of at most {MaxAttempts}; tried again in {Delay}: {Error}",
            T.Name, delivery.MessageId, delivery.Queue, attempts, limits.DeliveryLimit + 1, delay, error.Message);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await publisher.PublishForRetryAsync(delivery, delay, attempts, _stopping);
                await SettleAsync(channel, delivery, ack: true);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Could not send {Message} {MessageId} to the delay queue ({Error}); requeued after the wait instead",
                    T.Name, delivery.MessageId, ex.Message);
            }
        }
        await RequeueAfterAsync(channel, delivery, delay);
    }

    /// <summary>Holds the delivery for <paramref name="delay"/>, then returns it to its queue (the broker counts the redelivery).</summary>
    private async Task RequeueAfterAsync(IChannel channel, ReceivedDelivery delivery, TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, clock, _stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await SettleAsync(channel, delivery, ack: false);
    }

    /// <summary>Ack, or nack with requeue. If the channel is gone, the broker redelivers the message anyway.</summary>
    private async Task SettleAsync(IChannel channel, ReceivedDelivery delivery, bool ack)
    {
        try
        {
            if (ack) await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
            else await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not {Settle} {Message} {MessageId} from {Queue} ({Error}); the broker will redeliver it",
                ack ? "ack" : "requeue", T.Name, delivery.MessageId, delivery.Queue, ex.Message);
        }
    }
}

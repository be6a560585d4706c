using RabbitMQ.Client;

namespace ScanPipeline.Messaging;

/// <summary>One delivery as a consumer received it, with the queue it came from.</summary>
/// <remarks>The body is only valid while the delivery is being handled: the client reuses its buffer afterwards.</remarks>
public sealed record ReceivedDelivery(
    string Queue,
    string Exchange,
    string RoutingKey,
    ulong DeliveryTag,
    bool Redelivered,
    IReadOnlyBasicProperties Properties,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>Times the broker returned this message before this delivery (quorum queues count it); 0 at first.</summary>
    public long PreviousDeliveries => HeaderValues.AsInt64(HeaderValues.Find(Properties.Headers, MessageHeaders.DeliveryCount)) ?? 0;

    /// <summary>Attempts before this one: the retries recorded in the message (it came back from a delay queue) plus redeliveries.</summary>
    public long PreviousAttempts =>
        (HeaderValues.AsInt64(HeaderValues.Find(Properties.Headers, MessageHeaders.Attempts)) ?? 0) + PreviousDeliveries;

    public string MessageId => Properties.MessageId ?? "(no id)";
}

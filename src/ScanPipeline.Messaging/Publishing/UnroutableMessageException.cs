namespace ScanPipeline.Messaging;

/// <summary>
/// The broker returned a mandatory publish: no queue is bound for its routing key (unknown department, or the
/// topology is not declared yet). Surfaced to the caller, never dropped; a consuming stage retries it and the
/// delivery limit finally parks the source message in its dead-letter queue.
/// </summary>
public sealed class UnroutableMessageException(string exchange, string routingKey, string replyText, Exception? inner = null)
    : Exception($"No queue is bound to exchange '{exchange}' for routing key '{routingKey}' ({replyText}).", inner)
{
    public string Exchange { get; } = exchange;
    public string RoutingKey { get; } = routingKey;
}

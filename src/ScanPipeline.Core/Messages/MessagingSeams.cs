namespace ScanPipeline.Core.Messages;

/// <summary>Publishes with publisher confirms: the call returns only once the broker has the message.</summary>
public interface IMessagePublisher
{
    /// <summary>To the pipeline events exchange, routing key <c>T.Name</c>.</summary>
    Task PublishAsync<T>(T message, CancellationToken ct) where T : IMessage;

    /// <summary>To the routed-documents exchange, routing key = <see cref="DocumentRouted.Target"/>.</summary>
    Task PublishRoutedAsync(DocumentRouted message, CancellationToken ct);
}

/// <summary>
/// One stage's work for one message. Return normally only after the effect is durably written: the
/// delivery is acked then. Throw <see cref="Documents.PermanentProcessingException"/> for input that can
/// never succeed (dead-lettered at once with its reason code); any other exception is retried, bounded.
/// Handlers must be idempotent: the same message may arrive again.
/// </summary>
public interface IMessageHandler<in T> where T : IMessage
{
    Task HandleAsync(T message, CancellationToken ct);
}

using ScanPipeline.Core.Messages;

namespace ScanPipeline.Tests.Infrastructure;

/// <summary>
/// Stands in for the broker in unit tests of a stage's logic (the integration tests use the real one):
/// records what was published, and can be told to fail, as a broker that is down would.
/// </summary>
public sealed class RecordingPublisher : IMessagePublisher
{
    public List<object> Published { get; } = [];
    public List<DocumentRouted> Routed { get; } = [];
    public Exception? FailWith { get; set; }

    public Task PublishAsync<T>(T message, CancellationToken ct) where T : IMessage
    {
        if (FailWith is not null) throw FailWith;
        lock (Published) Published.Add(message);
        return Task.CompletedTask;
    }

    public Task PublishRoutedAsync(DocumentRouted message, CancellationToken ct)
    {
        if (FailWith is not null) throw FailWith;
        lock (Routed) Routed.Add(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<T> OfType<T>()
    {
        lock (Published) return Published.OfType<T>().ToList();
    }
}

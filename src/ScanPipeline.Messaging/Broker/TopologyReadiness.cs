namespace ScanPipeline.Messaging;

/// <summary>
/// Signals that policies are applied and the topology is declared. Consumers wait for it before they consume
/// (their queues must exist); tests wait for it before they publish.
/// </summary>
public sealed class TopologyReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when ready; throws if the topology could not be set up.</summary>
    public Task WaitAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    internal void MarkReady() => _ready.TrySetResult();

    internal void MarkFailed(Exception error) => _ready.TrySetException(error);
}

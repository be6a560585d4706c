namespace ScanPipeline.Messaging;

/// <summary>Counts deliveries being handled, so shutdown can wait for them before closing the channel.</summary>
internal sealed class InFlightDeliveries
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private volatile bool _draining;

    public int Count => Volatile.Read(ref _count);

    public void Enter() => Interlocked.Increment(ref _count);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) == 0 && _draining) _drained.TrySetResult();
    }

    /// <summary>Completes once no delivery is in flight any more.</summary>
    public Task WaitDrainedAsync(CancellationToken ct)
    {
        _draining = true;
        if (Volatile.Read(ref _count) == 0) _drained.TrySetResult();
        return _drained.Task.WaitAsync(ct);
    }
}

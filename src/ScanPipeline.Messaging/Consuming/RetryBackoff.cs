namespace ScanPipeline.Messaging;

/// <summary>
/// Delay before a transiently failed delivery goes back to its queue: base × 2^(earlier deliveries), capped.
/// The count comes from the quorum queue's x-delivery-count header, so it survives process restarts and is
/// the same on every competing consumer; the delivery-limit policy ends the series.
/// </summary>
public static class RetryBackoff
{
    public static TimeSpan For(long previousDeliveries, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (baseDelay <= TimeSpan.Zero || maxDelay <= TimeSpan.Zero) return TimeSpan.Zero;
        var exponent = Math.Clamp(previousDeliveries, 0, 30);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}

using Microsoft.Extensions.Options;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;

namespace ScanPipeline.Web.Dashboard;

/// <summary>
/// Reads the queue depths every <see cref="WebOptions.DashboardSampleSeconds"/> and stores them, so that the
/// dashboard can draw the backlog over the day. Samples older than <see cref="KeepFor"/> are deleted as it goes.
/// A broker or store that fails is logged once per outage and tried again at the next tick; the web role keeps running.
/// </summary>
public sealed class BacklogSampler(BacklogReader reader, MetadataStore metadata, IOptions<WebOptions> options, TimeProvider clock,
    ILogger<BacklogSampler> logger) : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.DashboardSampleSeconds;
        if (seconds == 0)
        {
            logger.LogInformation("Backlog sampling is off (Web:DashboardSampleSeconds = 0)");
            return;
        }
        // The first reading after one interval, not at start: a web process that is started and stopped at once
        // (a test, a health check) never talks to the broker.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await SampleAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>
    /// One reading, stored with the current time: each work queue's and each dead-letter queue's ready messages.
    /// Returns how many queues were recorded, or null when the broker or the store failed.
    /// </summary>
    public async Task<int?> SampleAsync(CancellationToken ct)
    {
        try
        {
            if (await reader.ReadAsync(ct) is not { } backlog)
            {
                Failed("the broker did not answer");
                return null;
            }
            var depths = backlog.Select(q => (q.Queue, q.Ready))
                .Concat(backlog.Where(q => q.DeadLetters is not null).Select(q => (Topology.DeadLetterQueue(q.Queue), q.DeadLetters!.Value)))
                .ToList();
            var at = clock.GetUtcNow();
            metadata.RecordQueueDepths(at, depths);
            metadata.PruneQueueDepths(at - KeepFor);
            if (_failing) logger.LogInformation("Backlog sampling works again: {Queues} queues recorded", depths.Count);
            _failing = false;
            return depths.Count;
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Failed(error.Message);
            return null;
        }
    }

    private void Failed(string why)
    {
        if (!_failing) logger.LogWarning("Backlog sampling failed, trying again at the next interval: {Error}", why);
        _failing = true;
    }
}

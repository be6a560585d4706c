using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using ScanPipeline.Worker.Configuration;

namespace ScanPipeline.Worker.Hosting;

/// <summary>
/// Keeps the department inbox queues in step with the routing rules while the host runs. Every
/// <see cref="CheckInterval"/> it compares the departments of <see cref="RoutingRulesFile"/> with those it knows:
/// for a new department it declares the inbox queue, its dead-letter queue and their bindings (idempotent; the
/// broker policy's pattern already covers every <c>inbox.*</c> queue), and in a process with the deliver role it
/// starts consuming the new queue with one more <see cref="MessageConsumer{T}"/>.
/// <list type="bullet">
/// <item>A classify stage that routes to a department faster than its queue is declared gets an unroutable
/// publish, a transient failure: the message is retried after the back-off, by when the queue exists.</item>
/// <item>A department taken out of the rules keeps its queue and its consumer until the host restarts, so that
/// what is still in the queue is delivered (the admin pages refuse to remove a department that documents,
/// users or rules still name).</item>
/// <item>If an added consumer fails, this service fails with it, which stops the host, as the deliver stage's own
/// consumer does.</item>
/// </list>
/// </summary>
public sealed class DepartmentInboxes(
    RoutingRulesFile rules, RabbitMqConnection connection, TopologyReadiness topology, IServiceProvider services,
    IOptions<RabbitMqOptions> options, TimeProvider clock, ILogger<DepartmentInboxes> logger, bool consume) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>How many deliveries an added inbox consumer handles at once, as the deliver stage's own consumer.</summary>
    public const int Concurrency = 1;

    private readonly Lock _lock = new();
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);
    private readonly List<MessageConsumer<DocumentRouted>> _added = [];

    /// <summary>
    /// The queues the deliver stage's own consumer reads at start: every department's inbox and the verification
    /// queue. Called once, when that consumer is created; the departments named here count as consumed.
    /// </summary>
    public string[] DeliveryQueuesAtStart()
    {
        var codes = rules.Current.Departments.Select(d => d.Code).ToList();
        lock (_lock) _consumed.UnionWith(codes);
        return [.. Topology.DeliveryQueues(codes)];
    }

    /// <summary>Departments this process has started consuming since it started (for tests and logs).</summary>
    public IReadOnlyList<string> AddedDepartments
    {
        get
        {
            lock (_lock) return [.. _added.SelectMany(c => c.Settings.Queues).Select(q => q[Topology.InboxQueuePrefix.Length..])];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await topology.WaitAsync(stoppingToken);
        while (true)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not ConsumerFailedException)
            {
                logger.LogWarning("Could not set up the inbox queues of new departments yet, trying again in {Interval}: {Error}",
                    CheckInterval, ex.Message);
            }
            try
            {
                await Task.Delay(CheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Declares the queues of departments not yet declared here, and consumes those not yet consumed.</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            if (_added.FirstOrDefault(c => c.ExecuteTask is { IsFaulted: true }) is { } failed)
                throw new ConsumerFailedException(failed.Settings.Queues, failed.ExecuteTask!.Exception!.GetBaseException());
        }
        var codes = rules.Current.Departments.Select(d => d.Code).ToList();
        var toDeclare = codes.Where(c => !_declared.Contains(c)).ToList();
        if (toDeclare.Count > 0)
        {
            var channel = await connection.CreateChannelAsync(null, ct);
            await using (channel)
            {
                await Topology.DeclareAsync(channel, toDeclare, ct, options.Value.RetryDelays);
                await channel.CloseAsync(ct);
            }
            // The first pass declares again what the topology initializer declared at start: worth a log line only later.
            logger.Log(_declared.Count == 0 ? LogLevel.Debug : LogLevel.Information,
                "Inbox queues declared for departments {Departments}", string.Join(", ", toDeclare));
            _declared.UnionWith(toDeclare);
        }
        if (!consume) return;

        List<string> toConsume;
        lock (_lock) toConsume = [.. codes.Where(c => !_consumed.Contains(c))];
        if (toConsume.Count == 0) return;
        var consumer = ActivatorUtilities.CreateInstance<MessageConsumer<DocumentRouted>>(services,
            new ConsumerSettings([.. toConsume.Select(Topology.InboxQueue)], Concurrency));
        await consumer.StartAsync(ct);
        lock (_lock)
        {
            _added.Add(consumer);
            _consumed.UnionWith(toConsume);
        }
        logger.LogInformation("New departments {Departments}: their inboxes are delivered from now on, without a restart",
            string.Join(", ", toConsume));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        List<MessageConsumer<DocumentRouted>> added;
        lock (_lock) added = [.. _added];
        foreach (var consumer in added) await consumer.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        lock (_lock) foreach (var consumer in _added) consumer.Dispose();
        base.Dispose();
    }

    private sealed class ConsumerFailedException(IReadOnlyList<string> queues, Exception inner)
        : Exception($"The consumer of {string.Join(", ", queues)} failed: {inner.Message}", inner);
}

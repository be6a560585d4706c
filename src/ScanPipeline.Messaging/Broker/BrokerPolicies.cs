using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScanPipeline.Messaging;

/// <summary>
/// Applies the pipeline's broker policies through the management API, and creates or deletes virtual hosts
/// (tests use a fresh one each, with the same topology and policies as production).
/// </summary>
public sealed class BrokerPolicies(ManagementApi api, IOptions<RabbitMqOptions> options, ILogger<BrokerPolicies> logger)
{
    /// <summary>Name of the policy on the work queues (stage queues, inboxes, verification; never the DLQs).</summary>
    public const string WorkQueuePolicyName = "scanpipe-work-queues";

    /// <summary>
    /// The work-queue policy: failed messages go to <see cref="Topology.DeadLetterExchange"/>, a poison message
    /// after <paramref name="deliveryLimit"/> deliveries. Quorum queues dead-letter at-most-once unless the
    /// strategy is at-least-once, which in turn needs overflow reject-publish; with at-least-once the broker
    /// keeps a message until its dead-letter queue has confirmed it ("nothing is lost").
    /// </summary>
    public static IReadOnlyDictionary<string, object> WorkQueuePolicyDefinition(int deliveryLimit) =>
        new Dictionary<string, object>
        {
            ["dead-letter-exchange"] = Topology.DeadLetterExchange,
            ["delivery-limit"] = deliveryLimit,
            ["dead-letter-strategy"] = "at-least-once",
            ["overflow"] = "reject-publish",
        };

    /// <summary>Applies the policies to the virtual host of the configured URI.</summary>
    public Task ApplyAsync(CancellationToken ct) => ApplyAsync(options.Value.GetVirtualHost(), ct);

    public async Task ApplyAsync(string virtualHost, CancellationToken ct)
    {
        var limit = options.Value.DeliveryLimit;
        await api.PutAsync($"api/policies/{ManagementApi.Segment(virtualHost)}/{WorkQueuePolicyName}", new Dictionary<string, object>
        {
            ["pattern"] = Topology.WorkQueuePolicyPattern,
            ["apply-to"] = "queues",
            ["priority"] = 0,
            ["definition"] = WorkQueuePolicyDefinition(limit),
        }, ct);
        logger.LogInformation("Broker policy {Policy} applied to vhost {VirtualHost}: dead-letter to {Exchange}, delivery limit {Limit}",
            WorkQueuePolicyName, virtualHost, Topology.DeadLetterExchange, limit);
    }

    /// <summary>Creates the virtual host (if missing) and gives the configured user full rights on it.</summary>
    public async Task EnsureVirtualHostAsync(string virtualHost, CancellationToken ct)
    {
        var vhost = ManagementApi.Segment(virtualHost);
        await api.PutAsync($"api/vhosts/{vhost}", new Dictionary<string, object> { ["description"] = "ScanPipeline" }, ct);
        var user = options.Value.CreateConnectionFactory().UserName;
        await api.PutAsync($"api/permissions/{vhost}/{ManagementApi.Segment(user)}",
            new Dictionary<string, object> { ["configure"] = ".*", ["write"] = ".*", ["read"] = ".*" }, ct);
    }

    /// <summary>Deletes the virtual host with everything in it; a missing one is fine.</summary>
    public Task DeleteVirtualHostAsync(string virtualHost, CancellationToken ct) =>
        api.DeleteAsync($"api/vhosts/{ManagementApi.Segment(virtualHost)}", ct);
}

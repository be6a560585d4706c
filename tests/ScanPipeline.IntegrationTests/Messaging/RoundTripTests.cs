using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Messaging;

/// <summary>Topology, confirmed publishing and the happy path of the consumer host, on a real broker.</summary>
public sealed class RoundTripTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    [RequiresBrokerFact]
    public async Task Every_work_queue_and_its_dead_letter_queue_exist_and_the_policy_names_the_limit()
    {
        var departments = BrokerFixture.Rules.Departments.Select(d => d.Code).ToList();
        foreach (var queue in Topology.WorkQueues(departments))
        {
            Assert.NotNull(await broker.Inspector.CountAsync(queue.Name, CancellationToken.None));
            Assert.NotNull(await broker.Inspector.CountAsync(queue.DeadLetterQueue, CancellationToken.None));
        }
        Assert.Null(await broker.Inspector.CountAsync("inbox.99", CancellationToken.None));

        using var policy = await broker.Management.GetAsync<JsonDocument>(
            $"api/policies/{ManagementApi.Segment(broker.VirtualHost)}/{BrokerPolicies.WorkQueuePolicyName}", CancellationToken.None);
        var definition = policy.RootElement.GetProperty("definition");
        Assert.Equal(BrokerFixture.DeliveryLimit, definition.GetProperty("delivery-limit").GetInt32());
        Assert.Equal(Topology.DeadLetterExchange, definition.GetProperty("dead-letter-exchange").GetString());
        Assert.Equal(Topology.WorkQueuePolicyPattern, policy.RootElement.GetProperty("pattern").GetString());
    }

    [RequiresBrokerFact]
    public async Task A_published_event_reaches_its_handler_and_is_acked()
    {
        var script = new HandlerScript<BatchReceived>();
        var host = await broker.StartHostAsync(output, "roundtrip",
            services => services.AddScriptedConsumer(script, [Topology.SplitQueue], concurrency: 2));
        var batch = TestMessages.Batch("Bauantrag Müller.pdf");
        try
        {
            await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(batch, CancellationToken.None);
            await Eventually.UntilAsync(() => script.Calls >= 1, "the handler to be called");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }

        Assert.Equal(1, script.Calls);
        Assert.Equal(batch, Assert.Single(script.Received));
        // The consumer's channel is closed: an unacked delivery would be back in the queue now.
        var split = await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None);
        Assert.Equal(0u, split!.Ready);
        Assert.Equal(0u, split.Consumers);
        Assert.DoesNotContain(await broker.Inspector.PeekAsync(Topology.DeadLetterQueue(Topology.SplitQueue), 100, CancellationToken.None),
            d => d.MessageId == TestMessages.IdOf(batch));
    }

    [RequiresBrokerFact]
    public async Task The_deliver_consumer_reads_every_inbox_and_the_verification_queue()
    {
        var script = new HandlerScript<DocumentRouted>();
        var queues = Topology.DeliveryQueues(BrokerFixture.Rules.Departments.Select(d => d.Code)).ToArray();
        var host = await broker.StartHostAsync(output, "deliver", services => services.AddScriptedConsumer(script, queues));
        var toBauamt = TestMessages.Routed("63");
        var toOrdnungsamt = TestMessages.Routed("32");
        var toVerification = TestMessages.Routed(Routing.VerificationTarget);
        try
        {
            var publisher = host.Services.GetRequiredService<IMessagePublisher>();
            foreach (var routed in new[] { toBauamt, toOrdnungsamt, toVerification })
                await publisher.PublishRoutedAsync(routed, CancellationToken.None);
            await Eventually.UntilAsync(() => script.Calls >= 3, "three routed documents to be delivered");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }

        Assert.Equal(
            new[] { toBauamt, toOrdnungsamt, toVerification }.Select(r => (r.DocumentId, r.Target)).Order(),
            script.Received.Select(r => (r.DocumentId, r.Target)).Order());
        var received = script.Received.Single(r => r.DocumentId == toBauamt.DocumentId);
        Assert.Equal(toBauamt.PageNumbers, received.PageNumbers);
        Assert.Equal(toBauamt.ReceivedAt, received.ReceivedAt);
        foreach (var queue in queues)
            Assert.Equal(0u, (await broker.Inspector.CountAsync(queue, CancellationToken.None))!.Ready);
    }

    [RequiresBrokerFact]
    public async Task Concurrent_publishers_share_the_publisher_and_concurrent_handlers_share_the_consumer()
    {
        const int concurrency = 3;
        var inFlight = 0;
        var maxInFlight = 0;
        var script = new HandlerScript<BatchReceived>
        {
            Behavior = async (_, _, ct) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                // Hold the slot until all slots have been busy at once; give up after a while so that a consumer
                // without concurrency fails the assertion below instead of hanging.
                var holding = System.Diagnostics.Stopwatch.StartNew();
                while (Volatile.Read(ref maxInFlight) < concurrency && holding.Elapsed < TimeSpan.FromSeconds(2))
                    await Task.Delay(10, ct);
                Interlocked.Decrement(ref inFlight);
            },
        };
        var host = await broker.StartHostAsync(output, "concurrent",
            services => services.AddScriptedConsumer(script, [Topology.SplitQueue], concurrency));
        var batches = Enumerable.Range(0, 60).Select(i => TestMessages.Batch($"scan-{i:D4}.tif")).ToList();
        try
        {
            var publisher = host.Services.GetRequiredService<IMessagePublisher>();
            await Task.WhenAll(batches.Select(b => Task.Run(() => publisher.PublishAsync(b, CancellationToken.None))));
            await Eventually.UntilAsync(() => script.Calls >= batches.Count, "every batch to be handled");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }

        Assert.Equal(batches.Select(b => b.BatchId).Order(), script.Received.Select(b => b.BatchId).Order());
        Assert.Equal(concurrency, maxInFlight);
        Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None))!.Ready);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [RequiresBrokerFact]
    public async Task An_unroutable_mandatory_publish_throws()
    {
        var unknownDepartment = TestMessages.Routed("99");

        var error = await Assert.ThrowsAsync<UnroutableMessageException>(
            () => broker.Publisher.PublishRoutedAsync(unknownDepartment, CancellationToken.None));

        Assert.Equal(Topology.RoutedExchange, error.Exchange);
        Assert.Equal("99", error.RoutingKey);
        // The publisher stays usable after a return.
        var batch = TestMessages.Batch();
        await broker.Publisher.PublishAsync(batch, CancellationToken.None);
        var ready = await broker.Inspector.PeekAsync(Topology.SplitQueue, 100, CancellationToken.None);
        Assert.Contains(ready, m => m.MessageId == TestMessages.IdOf(batch));
        await DrainAsync(Topology.SplitQueue);
    }

    /// <summary>Leaves the shared queue empty for the next test of this class.</summary>
    private async Task DrainAsync(string queue)
    {
        var script = new HandlerScript<BatchReceived>();
        var host = await broker.StartHostAsync(output, "drain", services => services.AddScriptedConsumer(script, [queue]));
        await Eventually.UntilAsync(async () => (await broker.Inspector.CountAsync(queue, CancellationToken.None))!.Ready,
            ready => ready == 0, $"{queue} to be drained");
        await host.StopAsync();
        host.Dispose();
    }
}

using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Messaging;

/// <summary>
/// A store that is down (full disk, missing mount, locked database) is no reason to spend a message's retries:
/// the delivery stays unacknowledged, consuming pauses, and everything is handled once the store is back.
/// The outage is injected into the handler; broker, consumer and messages are real.
/// </summary>
public sealed class StoreOutageTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    [RequiresBrokerFact]
    public async Task While_the_store_is_down_nothing_is_acked_retried_or_dead_lettered_and_all_is_handled_when_it_is_back()
    {
        var storeDown = true;
        var handled = new HashSet<string>();
        var script = new HandlerScript<BatchReceived>
        {
            Behavior = (message, _, _) =>
            {
                if (Volatile.Read(ref storeDown)) throw new StoreUnavailableException("Blob store write failed: No space left on device");
                lock (handled) handled.Add(message.BatchId);
                return Task.CompletedTask;
            },
        };
        var host = await broker.StartHostAsync(output, "store-outage", services =>
        {
            services.AddScriptedConsumer(script, [Topology.SplitQueue], concurrency: 2);
            services.PostConfigure<RabbitMqOptions>(o => o.StoreOutageMaxWait = TimeSpan.FromMilliseconds(100));
        });
        try
        {
            var batches = Enumerable.Range(0, 10).Select(_ => TestMessages.Batch()).ToList();
            foreach (var batch in batches) await broker.Publisher.PublishAsync(batch, CancellationToken.None);

            // The two handler slots keep trying their deliveries; the rest stay in the queue (prefetch 4 in flight at most).
            await Eventually.UntilAsync(() => Task.FromResult(script.Calls), calls => calls >= 12, "repeated tries while the store is down");
            var ready = (await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None))!.Ready;
            Assert.InRange(ready, 6u, 8u);
            Assert.True(script.Received.Select(b => b.BatchId).Distinct().Count() <= 4, "more deliveries taken than the prefetch allows");
            Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.DeadLetterQueue(Topology.SplitQueue), CancellationToken.None))!.Ready);
            foreach (var delay in new RabbitMqOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(20), RetryMaxDelay = TimeSpan.FromMilliseconds(200), DeliveryLimit = BrokerFixture.DeliveryLimit }.RetryDelays)
                Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.RetryQueue(delay), CancellationToken.None))?.Ready ?? 0u);

            Volatile.Write(ref storeDown, false);
            await Eventually.UntilAsync(() => Task.FromResult(handled.Count), n => n == batches.Count, "every batch handled once the store is back");
            await Eventually.UntilAsync(() => broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None),
                count => count?.Ready == 0, "the work queue to be empty");
            Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.DeadLetterQueue(Topology.SplitQueue), CancellationToken.None))!.Ready);
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}

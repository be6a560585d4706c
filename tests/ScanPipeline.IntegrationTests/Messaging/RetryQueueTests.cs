using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Messaging;

/// <summary>
/// Bounded retry with back-off on the broker: a transiently failed message waits in a TTL delay queue, not in
/// the worker, and comes back to its work queue by itself; meanwhile the worker serves other messages.
/// </summary>
public sealed class RetryQueueTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    [RequiresBrokerFact]
    public async Task A_transient_failure_waits_in_the_delay_queue_while_other_messages_are_handled_then_succeeds()
    {
        var failing = TestMessages.Batch();
        var other = TestMessages.Batch();
        var attempts = new List<DateTimeOffset>();
        var script = new HandlerScript<BatchReceived>
        {
            Behavior = (message, _, _) =>
            {
                if (message.BatchId != failing.BatchId) return Task.CompletedTask;
                lock (attempts)
                {
                    attempts.Add(DateTimeOffset.UtcNow);
                    if (attempts.Count == 1) throw new IOException("Blob-Speicher nicht erreichbar");
                }
                return Task.CompletedTask;
            },
        };
        var host = await broker.StartHostAsync(output, "retry-queue", services =>
        {
            services.AddScriptedConsumer(script, [Topology.SplitQueue]);
            services.PostConfigure<RabbitMqOptions>(o => { o.RetryBaseDelay = Wait; o.RetryMaxDelay = Wait; });
        });
        try
        {
            var delayQueue = Topology.RetryQueue(Wait);
            await broker.Publisher.PublishAsync(failing, CancellationToken.None);
            await Eventually.UntilAsync(() => broker.Inspector.CountAsync(delayQueue, CancellationToken.None),
                count => count?.Ready == 1, $"the failed batch waiting in {delayQueue}");

            // The worker is free: the next message is handled while the first one waits on the broker.
            await broker.Publisher.PublishAsync(other, CancellationToken.None);
            await Eventually.UntilAsync(() => Task.FromResult(script.Received.Count(m => m.BatchId == other.BatchId)),
                n => n == 1, "the other batch to be handled");
            Assert.Single(attempts);

            await Eventually.UntilAsync(() => Task.FromResult(attempts.Count), n => n == 2, "the second attempt");
            Assert.InRange(attempts[1] - attempts[0], Wait - TimeSpan.FromMilliseconds(200), Wait + TimeSpan.FromSeconds(10));
            await Eventually.UntilAsync(() => broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None),
                count => count?.Ready == 0 && count.Consumers == 1, "the work queue to be empty");
            Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.DeadLetterQueue(Topology.SplitQueue), CancellationToken.None))!.Ready);
            Assert.Equal(0u, (await broker.Inspector.CountAsync(delayQueue, CancellationToken.None))!.Ready);
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public void Delay_queues_follow_the_back_off_one_per_distinct_wait()
    {
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)],
            new RabbitMqOptions().RetryDelays);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8)],
            Topology.RetryDelays(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8), retries: 4));
        Assert.Equal("scanpipe.retry.4000ms", Topology.RetryQueue(TimeSpan.FromSeconds(4)));
    }
}

using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Messaging;

/// <summary><c>scanpipe dlq replay</c> on a real broker: a dead-lettered message goes back through the normal consumer.</summary>
public sealed class DeadLetterReplayTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    private static readonly string SplitDlq = Topology.DeadLetterQueue(Topology.SplitQueue);

    [RequiresBrokerFact]
    public async Task A_replayed_message_is_consumed_again_from_its_work_queue_and_leaves_the_dlq()
    {
        var causeFixed = false;
        var script = new HandlerScript<BatchReceived>
        {
            Behavior = (_, _, _) => Volatile.Read(ref causeFixed)
                ? Task.CompletedTask
                : throw new PermanentProcessingException(ReasonCodes.CorruptFile, "Kaputte PDF: xref fehlt"),
        };
        var batch = TestMessages.Batch();
        var host = await broker.StartHostAsync(output, "replay", services => services.AddScriptedConsumer(script, [Topology.SplitQueue]));
        try
        {
            await broker.Publisher.PublishAsync(batch, CancellationToken.None);
            await Eventually.UntilAsync(() => broker.Inspector.CountAsync(SplitDlq, CancellationToken.None),
                count => count?.Ready == 1, $"the batch in {SplitDlq}");
            Assert.Equal(1, script.Calls);

            // The operator fixed the cause (a new build, a repaired store) and replays.
            Volatile.Write(ref causeFixed, true);
            var replayer = broker.Probe.GetRequiredService<DeadLetterReplayer>();
            Assert.Equal(1, await replayer.ReplayAsync(SplitDlq, int.MaxValue, CancellationToken.None));

            await Eventually.UntilAsync(() => Task.FromResult(script.Calls), calls => calls == 2, "the replayed batch to be consumed");
            Assert.All(script.Received, received => Assert.Equal(batch, received));
            await Eventually.UntilAsync(() => broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None),
                count => count?.Ready == 0, "the work queue to be empty");
            Assert.Equal(0u, (await broker.Inspector.CountAsync(SplitDlq, CancellationToken.None))!.Ready);
            // Nothing left to replay: a second replay changes nothing.
            Assert.Equal(0, await replayer.ReplayAsync(Topology.SplitQueue, int.MaxValue, CancellationToken.None));
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}

using System.Text.Json;
using RabbitMQ.Client;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Messaging;
using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.IntegrationTests.Cli;

/// <summary><c>scanpipe dlq list|replay</c> against a real broker (the fixture's own virtual host).</summary>
public sealed class DeadLetterCliTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    private static readonly string SplitDlq = Topology.DeadLetterQueue(Topology.SplitQueue);

    [RequiresBrokerFact]
    public async Task List_shows_the_reason_and_replay_moves_the_message_back_to_its_work_queue()
    {
        var batch = TestMessages.Batch();
        var properties = new BasicProperties
        {
            Persistent = true, Type = BatchReceived.Name, MessageId = TestMessages.IdOf(batch), ContentType = MessageSerializer.ContentType,
            Headers = new Dictionary<string, object?>
            {
                [MessageHeaders.SchemaVersion] = 1, [MessageHeaders.Reason] = ReasonCodes.CorruptFile,
                [MessageHeaders.Detail] = "xref fehlt", [MessageHeaders.Queue] = Topology.SplitQueue,
            },
        };
        // A dead-letter copy as a consumer writes it: to the dead-letter exchange with the original routing key.
        await broker.Publisher.PublishRawAsync(Topology.DeadLetterExchange, BatchReceived.Name, properties,
            MessageSerializer.Serialize(batch), CancellationToken.None);
        var environment = new Dictionary<string, string> { ["SCANPIPE_RabbitMq__Uri"] = broker.AmqpUri };

        var list = await ScanpipeProcess.RunAsync(environment, "dlq", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        using (var json = JsonDocument.Parse(list.Stdout))
        {
            var split = Assert.Single(json.RootElement.EnumerateArray(), q => q.GetProperty("queue").GetString() == SplitDlq);
            Assert.Equal(1, split.GetProperty("count").GetInt32());
            var message = Assert.Single(split.GetProperty("messages").EnumerateArray());
            Assert.Equal(ReasonCodes.CorruptFile, message.GetProperty("reasonCode").GetString());
            Assert.Equal("xref fehlt", message.GetProperty("detail").GetString());
        }

        var unknown = await ScanpipeProcess.RunAsync(environment, "dlq", "replay", "scanpipe.nothing");
        Assert.Equal(2, unknown.ExitCode);

        var replay = await ScanpipeProcess.RunAsync(environment, "dlq", "replay", SplitDlq);
        Assert.True(replay.ExitCode == 0, replay.Stderr);
        Assert.Contains($"1 Nachricht(en) aus {SplitDlq} nach {Topology.SplitQueue}", replay.Stdout);
        Assert.Equal(0u, (await broker.Inspector.CountAsync(SplitDlq, CancellationToken.None))!.Ready);
        Assert.Equal(1u, (await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None))!.Ready);
    }

    [RequiresBrokerFact]
    public async Task Broker_init_applies_the_policies_and_declares_the_delay_queues()
    {
        var environment = new Dictionary<string, string> { ["SCANPIPE_RabbitMq__Uri"] = broker.AmqpUri };
        Assert.Null(await broker.Inspector.CountAsync(Topology.RetryQueue(TimeSpan.FromSeconds(16)), CancellationToken.None));

        var init = await ScanpipeProcess.RunAsync(environment, "broker", "init");

        Assert.True(init.ExitCode == 0, init.Stderr);
        Assert.Contains("Zustellgrenze 5", init.Stdout);
        foreach (var seconds in new[] { 1, 2, 4, 8, 16 })
            Assert.NotNull(await broker.Inspector.CountAsync(Topology.RetryQueue(TimeSpan.FromSeconds(seconds)), CancellationToken.None));
        var again = await ScanpipeProcess.RunAsync(environment, "broker", "init");
        Assert.Equal(0, again.ExitCode);
    }
}

using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Messaging;

/// <summary>
/// The ack policy on a real broker: permanent failures and unreadable messages are dead-lettered at once with a
/// reason, transient ones are retried until the delivery-limit policy dead-letters them, and a failure is
/// never acked unless its dead-letter copy was confirmed.
/// </summary>
public sealed class FailureTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    private static readonly string SplitDlq = Topology.DeadLetterQueue(Topology.SplitQueue);

    [RequiresBrokerFact]
    public async Task A_permanent_error_dead_letters_the_message_once_with_its_reason()
    {
        var script = new HandlerScript<BatchReceived>
        {
            Behavior = (_, _, _) => throw new PermanentProcessingException(ReasonCodes.CorruptFile, "Kaputte PDF: xref fehlt"),
        };
        var batch = TestMessages.Batch();

        await RunUntilDeadLetteredAsync(script, TestMessages.IdOf(batch),
            () => broker.Publisher.PublishAsync(batch, CancellationToken.None));

        Assert.Equal(1, script.Calls);
        var dead = await FindDeadLetterAsync(TestMessages.IdOf(batch));
        Assert.Equal(ReasonCodes.CorruptFile, dead.ReasonCode);
        Assert.Equal("Kaputte PDF: xref fehlt", dead.Detail);
        Assert.Equal(Topology.SplitQueue, dead.SourceQueue);
        Assert.Equal(BatchReceived.Name, dead.MessageType);
        Assert.Equal(BatchReceived.Name, dead.RoutingKey);
        Assert.NotNull(dead.FailedAt);
        // The copy carries the original body unchanged, so an operator can replay it.
        var body = await GetDeadLetterBodyAsync(TestMessages.IdOf(batch));
        Assert.Equal(batch, MessageSerializer.Deserialize<BatchReceived>(BatchReceived.Name, 1, body));
        await AssertWorkQueueEmptyAsync();

        // What `scanpipe dlq list` shows: every dead-letter queue, with the count.
        var deadLetterQueues = await Eventually.UntilAsync(() => broker.Inspector.CountDeadLetterQueuesAsync(CancellationToken.None),
            queues => queues.Any(q => q.Queue == SplitDlq && q.Ready >= 1), $"{SplitDlq} to be listed with its message");
        Assert.Equal(
            Topology.WorkQueues(BrokerFixture.Rules.Departments.Select(d => d.Code)).Select(q => q.DeadLetterQueue).Order(),
            deadLetterQueues.Select(q => q.Queue).Order());
    }

    [RequiresBrokerFact]
    public async Task A_transient_error_is_redelivered_until_the_delivery_limit_policy_dead_letters_it()
    {
        var script = new HandlerScript<BatchReceived>
        {
            Behavior = (_, call, _) => throw new IOException($"Blob-Speicher nicht erreichbar (Versuch {call})"),
        };
        var batch = TestMessages.Batch();

        await RunUntilDeadLetteredAsync(script, TestMessages.IdOf(batch),
            () => broker.Publisher.PublishAsync(batch, CancellationToken.None));

        // Delivery limit N: the first delivery and N redeliveries, then the broker dead-letters it.
        Assert.Equal(BrokerFixture.DeliveryLimit + 1, script.Calls);
        Assert.All(script.Received, received => Assert.Equal(batch, received));
        var dead = await FindDeadLetterAsync(TestMessages.IdOf(batch));
        Assert.Equal(ReasonCodes.DeliveryLimit, dead.ReasonCode);
        Assert.Equal(Topology.SplitQueue, dead.SourceQueue);
        await AssertWorkQueueEmptyAsync();
    }

    [RequiresBrokerFact]
    public async Task Unreadable_messages_are_dead_lettered_with_their_reason_and_never_reach_the_handler()
    {
        var script = new HandlerScript<BatchReceived>();
        var valid = MessageSerializer.Serialize(TestMessages.Batch());
        var futureVersion = Encoding.UTF8.GetString(valid).Replace("\"schemaVersion\":1", "\"schemaVersion\":99");
        var cases = new (string Id, string? Type, int? Header, byte[] Body, string Reason)[]
        {
            ("garbage", BatchReceived.Name, 1, "%PDF-1.4 kein JSON"u8.ToArray(), ReasonCodes.InvalidMessage),
            ("truncated", BatchReceived.Name, 1, valid[..(valid.Length / 2)], ReasonCodes.InvalidMessage),
            ("missing-field", BatchReceived.Name, 1, """{"batchId":"b-1","schemaVersion":1}"""u8.ToArray(), ReasonCodes.InvalidMessage),
            ("wrong-type", "scanpipe.batch.unknown", 1, valid, ReasonCodes.InvalidMessage),
            ("no-type", null, 1, valid, ReasonCodes.InvalidMessage),
            ("future-header", BatchReceived.Name, 99, valid, ReasonCodes.UnsupportedSchema),
            ("future-body", BatchReceived.Name, null, Encoding.UTF8.GetBytes(futureVersion), ReasonCodes.UnsupportedSchema),
        };
        var host = await broker.StartHostAsync(output, "unreadable", services => services.AddScriptedConsumer(script, [Topology.SplitQueue]));
        try
        {
            foreach (var c in cases)
            {
                var properties = new BasicProperties
                {
                    Persistent = true, ContentType = MessageSerializer.ContentType, Type = c.Type, MessageId = "unreadable-" + c.Id,
                    Headers = c.Header is { } version ? new Dictionary<string, object?> { [MessageHeaders.SchemaVersion] = version } : null,
                };
                await broker.Publisher.PublishRawAsync(Topology.EventsExchange, BatchReceived.Name, properties, c.Body, CancellationToken.None);
            }
            await Eventually.UntilAsync(() => broker.Inspector.PeekAsync(SplitDlq, 500, CancellationToken.None),
                dead => cases.All(c => dead.Any(d => d.MessageId == "unreadable-" + c.Id)), "every unreadable message in the DLQ");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }

        Assert.Equal(0, script.Calls);
        var deadLetters = await broker.Inspector.PeekAsync(SplitDlq, 500, CancellationToken.None);
        foreach (var c in cases)
        {
            var dead = Assert.Single(deadLetters, d => d.MessageId == "unreadable-" + c.Id);
            Assert.True(c.Reason == dead.ReasonCode, $"{c.Id}: expected {c.Reason}, got {dead.ReasonCode} ({dead.Detail})");
            Assert.False(string.IsNullOrWhiteSpace(dead.Detail));
        }
        await AssertWorkQueueEmptyAsync();
    }

    [RequiresBrokerFact]
    public async Task A_failure_whose_dead_letter_copy_cannot_be_stored_is_not_acked_but_retried()
    {
        // Fault: the DLQ is gone (deleted after the host declared the topology), so the copy is unroutable. The
        // consumer must keep the message; once the DLQ is back (declared by the handler on its second call), the
        // copy is confirmed and the original acked.
        var script = new HandlerScript<BatchReceived>
        {
            Behavior = async (_, call, ct) =>
            {
                if (call == 2) await RedeclareTopologyAsync(ct);
                throw new PermanentProcessingException(ReasonCodes.TooManyPages, "Mehr als 500 Seiten");
            },
        };
        var batch = TestMessages.Batch();

        await RunUntilDeadLetteredAsync(script, TestMessages.IdOf(batch), async () =>
        {
            await broker.Management.DeleteAsync(
                $"api/queues/{ManagementApi.Segment(broker.VirtualHost)}/{ManagementApi.Segment(SplitDlq)}", CancellationToken.None);
            Assert.Null(await broker.Inspector.CountAsync(SplitDlq, CancellationToken.None));
            await broker.Publisher.PublishAsync(batch, CancellationToken.None);
        });

        Assert.Equal(2, script.Calls);
        var dead = await FindDeadLetterAsync(TestMessages.IdOf(batch));
        Assert.Equal(ReasonCodes.TooManyPages, dead.ReasonCode);
        await AssertWorkQueueEmptyAsync();
    }

    private async Task RunUntilDeadLetteredAsync(HandlerScript<BatchReceived> script, string messageId, Func<Task> publish)
    {
        var host = await broker.StartHostAsync(output, "failures", services => services.AddScriptedConsumer(script, [Topology.SplitQueue]));
        try
        {
            await publish();
            await Eventually.UntilAsync(PeekDeadLettersAsync, dead => dead.Any(d => d.MessageId == messageId), $"{messageId} in {SplitDlq}");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>The dead letters of the split queue; none while the DLQ does not exist (the fault test deletes it).</summary>
    private async Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync() =>
        await broker.Inspector.CountAsync(SplitDlq, CancellationToken.None) is null
            ? []
            : await broker.Inspector.PeekAsync(SplitDlq, 500, CancellationToken.None);

    private async Task<DeadLetter> FindDeadLetterAsync(string messageId) =>
        Assert.Single(await broker.Inspector.PeekAsync(SplitDlq, 500, CancellationToken.None), d => d.MessageId == messageId);

    private async Task<byte[]> GetDeadLetterBodyAsync(string messageId)
    {
        var channel = await broker.Probe.GetRequiredService<RabbitMqConnection>().CreateChannelAsync(null, CancellationToken.None);
        await using (channel)
        {
            // Unacked gets, handed back to the queue when the channel closes.
            while (await channel.BasicGetAsync(SplitDlq, autoAck: false) is { } result)
                if (result.BasicProperties.MessageId == messageId) return result.Body.ToArray();
        }
        throw new InvalidOperationException($"{messageId} is not in {SplitDlq}");
    }

    private async Task RedeclareTopologyAsync(CancellationToken ct)
    {
        var channel = await broker.Probe.GetRequiredService<RabbitMqConnection>().CreateChannelAsync(null, ct);
        await using (channel)
        {
            await Topology.DeclareAsync(channel, BrokerFixture.Rules.Departments.Select(d => d.Code), ct);
            await channel.CloseAsync(ct);
        }
    }

    /// <summary>After the host stopped, anything not acked would be back in the work queue.</summary>
    private async Task AssertWorkQueueEmptyAsync()
    {
        var split = await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None);
        Assert.Equal(0u, split!.Ready);
    }
}

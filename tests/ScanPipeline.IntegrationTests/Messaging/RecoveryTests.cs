using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Messaging;

/// <summary>Connections that drop and hosts that stop: nothing is lost, consumers resume.</summary>
public sealed class RecoveryTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    [RequiresBrokerFact]
    public async Task A_consumer_recovers_after_the_broker_closes_its_connection()
    {
        var script = new HandlerScript<BatchReceived>();
        const string name = "recovery-under-test";
        var host = await broker.StartHostAsync(output, name, services => services.AddScriptedConsumer(script, [Topology.SplitQueue]));
        try
        {
            var before = TestMessages.Batch();
            await broker.Publisher.PublishAsync(before, CancellationToken.None);
            await Eventually.UntilAsync(() => script.Calls == 1, "the first message to be handled");

            // The management API lists connections a moment after they open.
            var connections = await Eventually.UntilAsync(
                () => broker.Management.ListConnectionsAsync(broker.VirtualHost, CancellationToken.None),
                list => list.Any(c => c.ClientProvidedName?.StartsWith(name, StringComparison.Ordinal) == true),
                "the host's connection to be listed");
            var dropped = connections.Single(c => c.ClientProvidedName!.StartsWith(name, StringComparison.Ordinal));
            var connection = await host.Services.GetRequiredService<RabbitMqConnection>().GetAsync(CancellationToken.None);
            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.ConnectionShutdownAsync += (_, _) => { lost.TrySetResult(); return Task.CompletedTask; };
            connection.RecoverySucceededAsync += (_, _) => { recovered.TrySetResult(); return Task.CompletedTask; };
            await broker.Management.CloseConnectionAsync(dropped.Name, "test: connection dropped", CancellationToken.None);
            await lost.Task.WaitAsync(Eventually.DefaultTimeout);

            var after = TestMessages.Batch();
            await broker.Publisher.PublishAsync(after, CancellationToken.None);
            await Eventually.UntilAsync(() => script.Calls >= 2, "the consumer to recover and handle the second message");
            Assert.Equal([before.BatchId, after.BatchId], script.Received.Select(b => b.BatchId));

            // The message was published while the host was disconnected or recovering; the host's own
            // publisher works over the recovered connection too.
            await recovered.Task.WaitAsync(Eventually.DefaultTimeout);
            var third = TestMessages.Batch();
            await Eventually.UntilAsync(async () =>
            {
                try
                {
                    await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(third, CancellationToken.None);
                    return true;
                }
                catch (Exception ex) when (ex is not TimeoutException)
                {
                    output.WriteLine($"publish after recovery not yet possible: {ex.Message}");
                    return false;
                }
            }, ok => ok, "the host's publisher to publish after recovery");
            await Eventually.UntilAsync(() => script.Calls >= 3, "the third message to be handled");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
        Assert.Equal(3, script.Calls);
        Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None))!.Ready);
    }

    [RequiresBrokerFact]
    public async Task A_delivery_in_flight_when_the_connection_drops_is_redelivered_and_its_late_ack_does_no_harm()
    {
        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var script = new HandlerScript<BatchReceived>
        {
            // The first call outlives its connection and returns (is acked) only after the recovery: that ack
            // carries a delivery tag of the dead channel and must neither close the new channel nor ack another message.
            Behavior = async (_, call, ct) =>
            {
                if (call == 1) await recovered.Task.WaitAsync(ct);
            },
        };
        const string name = "in-flight-drop";
        var host = await broker.StartHostAsync(output, name, services => services.AddScriptedConsumer(script, [Topology.SplitQueue]));
        var first = TestMessages.Batch();
        var second = TestMessages.Batch();
        try
        {
            var connection = await host.Services.GetRequiredService<RabbitMqConnection>().GetAsync(CancellationToken.None);
            connection.RecoverySucceededAsync += (_, _) => { recovered.TrySetResult(); return Task.CompletedTask; };
            await broker.Publisher.PublishAsync(first, CancellationToken.None);
            await Eventually.UntilAsync(() => script.Calls == 1, "the first delivery to be in flight");

            var listed = await Eventually.UntilAsync(
                () => broker.Management.ListConnectionsAsync(broker.VirtualHost, CancellationToken.None),
                list => list.Any(c => c.ClientProvidedName?.StartsWith(name, StringComparison.Ordinal) == true),
                "the host's connection to be listed");
            await broker.Management.CloseConnectionAsync(
                listed.Single(c => c.ClientProvidedName!.StartsWith(name, StringComparison.Ordinal)).Name, "test: drop while busy",
                CancellationToken.None);

            await Eventually.UntilAsync(() => script.Calls >= 2, "the interrupted message to be redelivered");
            await broker.Publisher.PublishAsync(second, CancellationToken.None);
            await Eventually.UntilAsync(() => script.Calls >= 3, "a later message to be handled on the recovered channel");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
        Assert.Equal([first.BatchId, first.BatchId, second.BatchId], script.Received.Select(b => b.BatchId));
        Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None))!.Ready);
    }

    [RequiresBrokerFact]
    public async Task A_consumer_whose_queue_is_deleted_stops_the_host_instead_of_idling()
    {
        const string queue = "inbox.32";
        var script = new HandlerScript<DocumentRouted>();
        var host = await broker.StartHostAsync(output, "queue-deleted", services => services.AddScriptedConsumer(script, [queue]));
        try
        {
            var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
            await Eventually.UntilAsync(async () => (await broker.Inspector.CountAsync(queue, CancellationToken.None))!.Consumers,
                consumers => consumers == 1, "the consumer to be registered");

            await broker.Management.DeleteAsync($"api/queues/{ManagementApi.Segment(broker.VirtualHost)}/{ManagementApi.Segment(queue)}",
                CancellationToken.None);

            await stopping.Task.WaitAsync(Eventually.DefaultTimeout);
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
            var channel = await broker.Probe.GetRequiredService<RabbitMqConnection>().CreateChannelAsync(null, CancellationToken.None);
            await using (channel)
                await Topology.DeclareAsync(channel, BrokerFixture.Rules.Departments.Select(d => d.Code), CancellationToken.None);
        }
    }

    [RequiresBrokerFact]
    public async Task A_delivery_in_flight_at_shutdown_is_redelivered_and_the_handler_sees_it_again()
    {
        var handlerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = new HandlerScript<BatchReceived>
        {
            Behavior = async (_, _, ct) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    handlerCancelled.TrySetResult();
                    throw;
                }
            },
        };
        var batch = TestMessages.Batch();
        var first = await broker.StartHostAsync(output, "stopping", services => services.AddScriptedConsumer(busy, [Topology.SplitQueue]));
        try
        {
            await broker.Publisher.PublishAsync(batch, CancellationToken.None);
            await Eventually.UntilAsync(() => busy.Calls == 1, "the handler to start");
        }
        finally
        {
            await first.StopAsync();
            first.Dispose();
        }
        Assert.True(handlerCancelled.Task.IsCompleted, "shutdown cancels the handler");
        // The broker requeues the unacknowledged delivery once it has processed the closed connection, which
        // under load can take a moment after Dispose returns.
        await Eventually.UntilAsync(async () => (await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None))!.Ready,
            ready => ready == 1u, "the unacknowledged delivery to be back in the queue");

        var next = new HandlerScript<BatchReceived>();
        var second = await broker.StartHostAsync(output, "restarted", services => services.AddScriptedConsumer(next, [Topology.SplitQueue]));
        try
        {
            await Eventually.UntilAsync(() => next.Calls == 1, "the redelivered message to be handled");
        }
        finally
        {
            await second.StopAsync();
            second.Dispose();
        }
        Assert.Equal(batch, Assert.Single(next.Received));
        Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None))!.Ready);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Messaging;

/// <summary>What waiting cannot fix ends the start at once with a clear error instead of retrying for ever.</summary>
public sealed class StartupTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    [RequiresBrokerFact]
    public async Task Wrong_credentials_fail_the_connection_at_once()
    {
        var options = Options.Create(new RabbitMqOptions
        {
            Uri = $"amqp://guest:falsch@{BrokerAvailability.Host}:{BrokerAvailability.Port}/{Uri.EscapeDataString(broker.VirtualHost)}",
        });
        await using var connection = new RabbitMqConnection(options, TimeProvider.System, NullLogger<RabbitMqConnection>.Instance);

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.GetAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.IsNotType<TimeoutException>(error);
        output.WriteLine($"{error.GetType().Name}: {error.Message}");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "no retries for a refused login");
    }

    [RequiresBrokerFact]
    public async Task A_virtual_host_that_does_not_exist_fails_the_connection_at_once()
    {
        var options = Options.Create(new RabbitMqOptions
        {
            Uri = $"amqp://guest:guest@{BrokerAvailability.Host}:{BrokerAvailability.Port}/scanpipe-missing-{Guid.NewGuid():N}",
        });
        await using var connection = new RabbitMqConnection(options, TimeProvider.System, NullLogger<RabbitMqConnection>.Instance);

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.GetAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.IsNotType<TimeoutException>(error);
        output.WriteLine($"{error.GetType().Name}: {error.Message}");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "no retries for a missing virtual host");
    }

    [RequiresBrokerFact]
    public async Task A_management_api_that_refuses_the_login_stops_the_host_and_no_consumer_starts()
    {
        var script = new HandlerScript<BatchReceived>();
        var host = await broker.StartHostAsync(output, "startup", services =>
        {
            services.PostConfigure<RabbitMqOptions>(o => o.ManagementUri = "http://nobody:falsch@127.0.0.1:15672/");
            services.AddScriptedConsumer(script, [Topology.SplitQueue]);
        }, waitUntilReady: false);
        try
        {
            var readiness = host.Services.GetRequiredService<TopologyReadiness>();
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => readiness.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
            // The failed background service stops the host.
            await host.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            host.Dispose();
        }
        Assert.Equal(0u, (await broker.Inspector.CountAsync(Topology.SplitQueue, CancellationToken.None))!.Consumers);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh virtual host on the local broker for one test class, with the production topology and policies,
/// deleted afterwards: test classes run in parallel without seeing each other's queues. The probe services
/// publish and inspect from outside the hosts under test.
/// </summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    public static readonly RoutingRules Rules = new()
    {
        Departments = [new Department("32", "Ordnungsamt"), new Department("63", "Bauordnungsamt")],
    };

    /// <summary>Small limits so that retries and dead-lettering take milliseconds, not minutes.</summary>
    public const int DeliveryLimit = 2;

    public string VirtualHost { get; } = "scanpipe-test-" + Guid.NewGuid().ToString("N");

    public string AmqpUri => $"amqp://guest:guest@{BrokerAvailability.Host}:{BrokerAvailability.Port}/{Uri.EscapeDataString(VirtualHost)}";

    private ServiceProvider? _probe;

    public IServiceProvider Probe => _probe ?? throw new InvalidOperationException("No broker: the fixture was not set up.");

    public QueueInspector Inspector => Probe.GetRequiredService<QueueInspector>();

    public RabbitMqPublisher Publisher => Probe.GetRequiredService<RabbitMqPublisher>();

    public ManagementApi Management => Probe.GetRequiredService<ManagementApi>();

    public Dictionary<string, string?> Settings(string connectionName) => new()
    {
        ["RabbitMq:Uri"] = AmqpUri,
        ["RabbitMq:ConnectionName"] = connectionName,
        ["RabbitMq:DeliveryLimit"] = DeliveryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMq:Prefetch"] = "4",
        ["RabbitMq:RetryBaseDelay"] = "00:00:00.020",
        ["RabbitMq:RetryMaxDelay"] = "00:00:00.200",
        ["RabbitMq:RecoveryInterval"] = "00:00:00.500",
        ["RabbitMq:ConnectRetryMaxDelay"] = "00:00:02",
        ["RabbitMq:PublishTimeout"] = "00:00:10",
        ["RabbitMq:HandlerTimeout"] = "00:00:30",
    };

    public async Task InitializeAsync()
    {
        if (!BrokerAvailability.MustRun && !BrokerAvailability.IsReachable) return;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRabbitMqMessaging(new ConfigurationBuilder().AddInMemoryCollection(Settings("test-probe")).Build());
        // SCANPIPE_AMQP_URI, if a developer has it set, must not pull the tests out of their own virtual host.
        services.PostConfigure<RabbitMqOptions>(o => o.Uri = AmqpUri);
        _probe = services.BuildServiceProvider();

        var policies = _probe.GetRequiredService<BrokerPolicies>();
        await policies.EnsureVirtualHostAsync(VirtualHost, CancellationToken.None);
        await policies.ApplyAsync(CancellationToken.None);
        var channel = await _probe.GetRequiredService<RabbitMqConnection>().CreateChannelAsync(null, CancellationToken.None);
        await using (channel)
        {
            await Topology.DeclareAsync(channel, Rules.Departments.Select(d => d.Code), CancellationToken.None);
            await channel.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_probe is null) return;
        await _probe.DisposeAsync();
        var options = Options.Create(new RabbitMqOptions { Uri = AmqpUri });
        using var management = new ManagementApi(options);
        await new BrokerPolicies(management, options, NullLogger<BrokerPolicies>.Instance)
            .DeleteVirtualHostAsync(VirtualHost, CancellationToken.None);
    }

    /// <summary>
    /// Starts a host like the worker's: messaging from configuration, the routing rules, and what
    /// <paramref name="configure"/> adds (handlers, consumers). Returns once the topology is ready, unless
    /// <paramref name="waitUntilReady"/> is false (for tests of a failing start).
    /// </summary>
    public async Task<IHost> StartHostAsync(ITestOutputHelper output, string connectionName, Action<IServiceCollection> configure,
        bool waitUntilReady = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(connectionName));
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new XunitLoggerProvider(output));
        builder.Services.AddSingleton(Rules);
        builder.Services.AddRabbitMqMessaging(builder.Configuration);
        builder.Services.PostConfigure<RabbitMqOptions>(o => o.Uri = AmqpUri);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        configure(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        if (waitUntilReady)
            await host.Services.GetRequiredService<TopologyReadiness>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        return host;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.Tests.Messaging;

/// <summary>Reads and changes the process environment, so it runs alone.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

[Collection(nameof(ProcessEnvironment))]
public sealed class MessagingRegistrationTests
{
    private static readonly RoutingRules Rules = new() { Departments = [new Department("63", "Bauordnungsamt")] };

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Rules);
        services.AddRabbitMqMessaging(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_section_is_bound_and_the_publisher_is_the_confirmed_one()
    {
        var previous = Environment.GetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable);
        Environment.SetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable, null);
        try
        {
            using var provider = Build(Configuration(("RabbitMq:Uri", "amqp://u:p@mq.stadt.local:5672/post"), ("RabbitMq:DeliveryLimit", "7")));

            var options = provider.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
            Assert.Equal("post", options.GetVirtualHost());
            Assert.Equal(7, options.DeliveryLimit);
            Assert.Same(provider.GetRequiredService<RabbitMqPublisher>(), provider.GetRequiredService<IMessagePublisher>());
            Assert.Single(provider.GetServices<IHostedService>().OfType<TopologyInitializer>());
        }
        finally
        {
            Environment.SetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable, previous);
        }
    }

    [Fact]
    public void SCANPIPE_AMQP_URI_overrides_the_configured_uri()
    {
        var previous = Environment.GetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable);
        Environment.SetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable, "amqp://ci:ci@broker:5672/ci");
        try
        {
            using var provider = Build(Configuration(("RabbitMq:Uri", "amqp://u:p@mq.stadt.local:5672/post")));
            Assert.Equal("amqp://ci:ci@broker:5672/ci", provider.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Uri);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable, previous);
        }
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start()
    {
        var previous = Environment.GetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable);
        Environment.SetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable, null);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddSingleton(Rules);
            builder.Services.AddRabbitMqMessaging(Configuration(("RabbitMq:Uri", "http://127.0.0.1:5672/")));
            using var host = builder.Build();

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains(error.Failures, f => f.Contains("amqp://", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable, previous);
        }
    }

    [Fact]
    public void Consumers_of_the_same_message_are_separate_hosted_services_with_their_queues()
    {
        using var provider = Build(Configuration(), services =>
        {
            services.AddConsumer<DocumentRouted>(["inbox.63"], concurrency: 2);
            services.AddConsumer<DocumentRouted>(_ => Topology.DeliveryQueues(Rules.Departments.Select(d => d.Code)), concurrency: 1);
        });

        var consumers = provider.GetServices<IHostedService>().OfType<MessageConsumer<DocumentRouted>>().ToList();

        Assert.Equal(2, consumers.Count);
        Assert.Equal(["inbox.63"], consumers[0].Settings.Queues);
        Assert.Equal(2, consumers[0].Settings.Concurrency);
        Assert.Equal(["inbox.63", "verification"], consumers[1].Settings.Queues);
    }

    [Fact]
    public void A_consumer_needs_queues_and_a_sane_concurrency()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddConsumer<BatchReceived>([], 1));
        Assert.Throws<ArgumentException>(() => services.AddConsumer<BatchReceived>([Topology.SplitQueue, Topology.SplitQueue], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddConsumer<BatchReceived>([Topology.SplitQueue], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddConsumer<BatchReceived>([Topology.SplitQueue], 65));
    }
}

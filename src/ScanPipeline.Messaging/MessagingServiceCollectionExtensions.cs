using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ScanPipeline.Core.Messages;

namespace ScanPipeline.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// RabbitMQ messaging: validated <see cref="RabbitMqOptions"/> (section "RabbitMq", <see cref="RabbitMqOptions.Uri"/>
    /// overridden by SCANPIPE_AMQP_URI when set), the shared connection, the confirmed publisher as
    /// <see cref="IMessagePublisher"/>, the management API, <see cref="QueueInspector"/>, and a hosted
    /// <see cref="TopologyInitializer"/> that applies the policies and declares the topology for the departments
    /// of the <c>RoutingRules</c> registered in DI.
    /// </summary>
    public static IServiceCollection AddRabbitMqMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRabbitMqInspection(configuration);
        services.TryAddSingleton<RabbitMqPublisher>();
        services.TryAddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<RabbitMqPublisher>());
        services.TryAddSingleton<BrokerPolicies>();
        services.TryAddSingleton<DeadLetterReplayer>();
        services.TryAddSingleton<TopologyReadiness>();
        services.AddHostedService<TopologyInitializer>();
        return services;
    }

    /// <summary>
    /// Only what reading queue counts needs: the validated <see cref="RabbitMqOptions"/> (as above), the shared
    /// connection, the management API and <see cref="QueueInspector"/>. No publisher and no hosted service, so
    /// that a process that only looks (the web role's dashboard) never declares or changes anything on the broker.
    /// </summary>
    public static IServiceCollection AddRabbitMqInspection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RabbitMqOptions>()
            .Bind(configuration.GetSection(RabbitMqOptions.Section))
            .PostConfigure(options =>
            {
                if (Environment.GetEnvironmentVariable(RabbitMqOptions.UriEnvironmentVariable) is { Length: > 0 } uri)
                    options.Uri = uri;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RabbitMqConnection>();
        services.TryAddSingleton<ManagementApi>();
        services.TryAddSingleton<QueueInspector>();
        return services;
    }

    /// <summary>
    /// Hosts the registered <see cref="IMessageHandler{T}"/> on <paramref name="queues"/> with
    /// <paramref name="concurrency"/> deliveries at once. Register the handler separately, e.g.
    /// <c>services.AddScoped&lt;IMessageHandler&lt;BatchReceived&gt;, SplitStage&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddConsumer<T>(this IServiceCollection services, string[] queues, int concurrency)
        where T : IMessage
    {
        var settings = Settings(queues, concurrency);
        return services.AddConsumer<T>(_ => settings.Queues, concurrency);
    }

    /// <summary>
    /// As above, with the queues decided when the host starts: the deliver stage consumes
    /// <c>Topology.DeliveryQueues(routingRules.Departments.Select(d =&gt; d.Code))</c>.
    /// </summary>
    public static IServiceCollection AddConsumer<T>(this IServiceCollection services,
        Func<IServiceProvider, IEnumerable<string>> queues, int concurrency) where T : IMessage
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(concurrency, 64);
        // Not AddHostedService: it would collapse two consumers of the same message type into one.
        services.AddSingleton<IHostedService>(sp =>
            ActivatorUtilities.CreateInstance<MessageConsumer<T>>(sp, Settings([.. queues(sp)], concurrency)));
        return services;
    }

    private static ConsumerSettings Settings(string[] queues, int concurrency)
    {
        if (queues.Length == 0) throw new ArgumentException("A consumer needs at least one queue.", nameof(queues));
        if (queues.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("Queue names must not be empty.", nameof(queues));
        if (queues.Distinct(StringComparer.Ordinal).Count() != queues.Length)
            throw new ArgumentException("A queue is listed twice.", nameof(queues));
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(concurrency, 64);
        return new ConsumerSettings(queues, concurrency);
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// What a test handler does on each call (succeed, throw, hang) and what it saw. A fake for fault injection
/// only: the broker, the consumer host and the publisher under test are real.
/// </summary>
public sealed class HandlerScript<T> where T : IMessage
{
    private int _calls;

    /// <summary>Called with the message and the 1-based call number.</summary>
    public Func<T, int, CancellationToken, Task> Behavior { get; init; } = (_, _, _) => Task.CompletedTask;

    public ConcurrentQueue<T> Received { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    internal Task RunAsync(T message, CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        Received.Enqueue(message);
        return Behavior(message, call, ct);
    }
}

public sealed class ScriptedHandler<T>(HandlerScript<T> script) : IMessageHandler<T> where T : IMessage
{
    public Task HandleAsync(T message, CancellationToken ct) => script.RunAsync(message, ct);
}

public static class ScriptedHandlerRegistration
{
    public static IServiceCollection AddScriptedConsumer<T>(this IServiceCollection services, HandlerScript<T> script,
        string[] queues, int concurrency = 1) where T : IMessage
    {
        services.AddSingleton(script);
        services.AddScoped<IMessageHandler<T>, ScriptedHandler<T>>();
        return services.AddConsumer<T>(queues, concurrency);
    }
}

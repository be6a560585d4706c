using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.Tests.Messaging;

public sealed class RabbitMqConnectionTests
{
    [Fact]
    public async Task The_first_connect_keeps_retrying_with_a_logged_reason_while_nothing_listens()
    {
        var logger = new ListLogger<RabbitMqConnection>();
        var options = Options.Create(new RabbitMqOptions
        {
            Uri = $"amqp://guest:guest@127.0.0.1:{ClosedPort()}/",
            ConnectRetryMaxDelay = TimeSpan.FromMilliseconds(200),
        });
        await using var connection = new RabbitMqConnection(options, TimeProvider.System, logger);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.GetAsync(giveUp.Token));

        var warnings = logger.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Text).ToList();
        Assert.True(warnings.Count >= 3, $"expected several attempts, got: {string.Join(" | ", warnings)}");
        Assert.All(warnings, w => Assert.Contains("not reachable yet", w));
        Assert.DoesNotContain(logger.Lines, l => l.Text.Contains("guest:guest", StringComparison.Ordinal));
    }

    /// <summary>A loopback port that was just free: nothing answers there.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Lines.Enqueue((logLevel, formatter(state, exception)));
    }
}

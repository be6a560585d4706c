using System.Net.Sockets;
using Xunit;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs the RabbitMQ broker on 127.0.0.1:5672 (scripts/setup.sh starts it). On a developer machine
/// without a broker the test is skipped with a hint; in CI (env CI=true) it never skips, so a missing broker
/// fails the run instead of hiding it.
/// </summary>
public sealed class RequiresBrokerFactAttribute : FactAttribute
{
    public RequiresBrokerFactAttribute()
    {
        if (!BrokerAvailability.MustRun && !BrokerAvailability.IsReachable)
            Skip = $"No RabbitMQ broker answers on {BrokerAvailability.Host}:{BrokerAvailability.Port}; run scripts/setup.sh.";
    }
}

public static class BrokerAvailability
{
    public const string Host = "127.0.0.1";
    public const int Port = 5672;

    /// <summary>CI installs and starts every tool, so there a test never skips.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<bool> Reachable = new(() =>
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(Host, Port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (Exception ex) when (ex is SocketException or AggregateException)
        {
            return false;
        }
    });

    public static bool IsReachable => Reachable.Value;
}

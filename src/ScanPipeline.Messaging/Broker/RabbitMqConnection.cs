using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ScanPipeline.Messaging;

/// <summary>
/// The process's one AMQP connection, shared by the publisher and every consumer. The client's automatic
/// recovery brings it, its channels, consumers and declared topology back after a dropped connection or a
/// broker restart. The first connect is retried with back-off while the broker is not up yet; only wrong
/// credentials or an unknown virtual host end it, since waiting cannot fix those.
/// </summary>
public sealed class RabbitMqConnection(IOptions<RabbitMqOptions> options, TimeProvider clock, ILogger<RabbitMqConnection> logger)
    : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private IConnection? _connection;
    private bool _disposed;

    /// <summary>Where this process connects, without credentials, for log lines.</summary>
    public string Endpoint
    {
        get
        {
            var factory = options.Value.CreateConnectionFactory();
            return $"{factory.HostName}:{factory.Port} vhost '{factory.VirtualHost}'";
        }
    }

    /// <summary>The connection; connects on first use and waits (with back-off) until the broker answers.</summary>
    public async Task<IConnection> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _connection) is { } existing) return existing;
        await _connectGate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { } connected) return connected;
            var connection = await ConnectWithRetryAsync(ct);
            Volatile.Write(ref _connection, connection);
            return connection;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    public async Task<IChannel> CreateChannelAsync(CreateChannelOptions? channelOptions, CancellationToken ct)
    {
        var connection = await GetAsync(ct);
        return await connection.CreateChannelAsync(channelOptions, ct);
    }

    private async Task<IConnection> ConnectWithRetryAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var factory = settings.CreateConnectionFactory();
        factory.AutomaticRecoveryEnabled = true;
        factory.TopologyRecoveryEnabled = true;
        factory.NetworkRecoveryInterval = settings.RecoveryInterval;
        factory.ClientProvidedName = $"{settings.ConnectionName} ({Environment.MachineName}, pid {Environment.ProcessId})";

        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await factory.CreateConnectionAsync(ct);
                await VerifyAsync(connection, ct);
                Observe(connection);
                logger.LogInformation("Connected to RabbitMQ at {Endpoint} as '{Name}'", Endpoint, factory.ClientProvidedName);
                return connection;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !IsFatal(ex))
            {
                logger.LogWarning("RabbitMQ at {Endpoint} is not reachable yet (attempt {Attempt}): {Error}. Retrying in {Delay}.",
                    Endpoint, attempt, Innermost(ex).Message, delay);
                await Task.Delay(delay, clock, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.ConnectRetryMaxDelay.Ticks));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogCritical("RabbitMQ at {Endpoint} refused the connection: {Error}. Check the credentials and the virtual host.",
                    Endpoint, Innermost(ex).Message);
                throw;
            }
        }
    }

    /// <summary>
    /// Opens and closes one channel. The broker may refuse a connection (e.g. "vhost not found") only after the
    /// client has returned it as open; a refused connection would otherwise sit in automatic recovery for ever.
    /// </summary>
    private static async Task VerifyAsync(IConnection connection, CancellationToken ct)
    {
        try
        {
            var channel = await connection.CreateChannelAsync(null, ct);
            await channel.CloseAsync(ct);
            await channel.DisposeAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Failures that retrying cannot cure: wrong credentials, a virtual host that does not exist.</summary>
    private static bool IsFatal(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationFailureException or PossibleAuthenticationFailureException) return true;
            if (e is OperationInterruptedException { ShutdownReason.ReplyCode: Constants.AccessRefused or Constants.NotAllowed })
                return true;
        }
        return false;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }

    private void Observe(IConnection connection)
    {
        connection.ConnectionShutdownAsync += (_, e) =>
        {
            if (!_disposed)
                logger.LogWarning("RabbitMQ connection lost ({Initiator}: {Code} {Text}); recovering every {Interval}",
                    e.Initiator, e.ReplyCode, e.ReplyText, options.Value.RecoveryInterval);
            return Task.CompletedTask;
        };
        connection.RecoverySucceededAsync += (_, _) =>
        {
            logger.LogInformation("RabbitMQ connection recovered; channels and consumers resume");
            return Task.CompletedTask;
        };
        connection.ConnectionRecoveryErrorAsync += (_, e) =>
        {
            logger.LogWarning("RabbitMQ connection recovery attempt failed: {Error}", e.Exception.Message);
            return Task.CompletedTask;
        };
        connection.ConnectionBlockedAsync += (_, e) =>
        {
            logger.LogWarning("RabbitMQ blocks publishing: {Reason}", e.Reason);
            return Task.CompletedTask;
        };
        connection.ConnectionUnblockedAsync += (_, _) =>
        {
            logger.LogInformation("RabbitMQ unblocked publishing");
            return Task.CompletedTask;
        };
    }

    /// <summary>For containers disposed synchronously; the host disposes asynchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await _connectGate.WaitAsync();
        try
        {
            if (_disposed) return;
            _disposed = true;
            if (_connection is { } connection)
            {
                try
                {
                    await connection.CloseAsync();
                }
                catch (Exception ex)
                {
                    logger.LogDebug(ex, "Closing the RabbitMQ connection failed");
                }
                await connection.DisposeAsync();
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using ScanPipeline.Core.Configuration;

namespace ScanPipeline.Messaging;

/// <summary>
/// On start: connects (waiting for the broker), applies the broker policies and declares the topology for
/// the departments of the routing rules, then signals <see cref="TopologyReadiness"/>. It runs in the
/// background, so the rest of the host starts while the broker is still coming up. A management API that is
/// not answering yet is retried; a refusal (wrong credentials, bad request) stops the host.
/// </summary>
public sealed class TopologyInitializer(
    RabbitMqConnection connection, BrokerPolicies policies, RoutingRules routingRules, TopologyReadiness readiness,
    IOptions<RabbitMqOptions> options, TimeProvider clock, ILogger<TopologyInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var departments = routingRules.Departments.Select(d => d.Code).ToList();
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.GetAsync(stoppingToken);
                await policies.ApplyAsync(stoppingToken);
                var channel = await connection.CreateChannelAsync(null, stoppingToken);
                await using (channel)
                {
                    await Topology.DeclareAsync(channel, departments, stoppingToken, options.Value.RetryDelays);
                    await channel.CloseAsync(stoppingToken);
                }
                readiness.MarkReady();
                logger.LogInformation("Messaging topology ready on {Endpoint}: {Queues} work queues for departments {Departments}",
                    connection.Endpoint, Topology.WorkQueues(departments).Count, string.Join(", ", departments));
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && IsTransient(ex))
            {
                logger.LogWarning("Messaging topology not set up yet (attempt {Attempt}): {Error}. Retrying in {Delay}.",
                    attempt, ex.Message, delay);
                await Task.Delay(delay, clock, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                readiness.MarkFailed(new OperationCanceledException("The host stopped before the messaging topology was ready."));
                return;
            }
            catch (Exception ex)
            {
                readiness.MarkFailed(ex);
                logger.LogCritical(ex, "Could not set up the messaging topology on {Endpoint}", connection.Endpoint);
                throw;
            }
        }
    }

    /// <summary>The management API still starting (no answer, 5xx, timeout) or the connection lost mid-way.</summary>
    private static bool IsTransient(Exception ex) => ex switch
    {
        HttpRequestException http => http.StatusCode is null || (int)http.StatusCode >= 500,
        TaskCanceledException or TimeoutException => true,
        AlreadyClosedException => true,
        _ => false,
    };
}

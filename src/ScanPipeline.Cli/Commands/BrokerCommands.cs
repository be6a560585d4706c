using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using ScanPipeline.Messaging;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe broker init</c>: applies the broker policies (dead-lettering, delivery limit) and declares the
/// exchanges, quorum queues, dead-letter queues and delay queues for the configured virtual host. Every
/// worker does the same when it starts; the set-up runs it once so the broker is ready before any worker.
/// </summary>
internal static class BrokerCommands
{
    public static Command Create()
    {
        var init = new Command("init", Texts.BrokerInitDescription);
        init.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Create(messaging: true);
            var rules = host.LoadRoutingRules();
            var options = host.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
            await host.Services.GetRequiredService<BrokerPolicies>().ApplyAsync(ct);
            var connection = host.Services.GetRequiredService<RabbitMqConnection>();
            var channel = await connection.CreateChannelAsync(null, ct);
            await using (channel)
            {
                await Topology.DeclareAsync(channel, rules.Departments.Select(d => d.Code), ct, options.RetryDelays);
                await channel.CloseAsync(ct);
            }
            Console.WriteLine(string.Format(Texts.BrokerInitDone, options.GetVirtualHost(),
                Topology.WorkQueues(rules.Departments.Select(d => d.Code)).Count, options.DeliveryLimit,
                string.Join(", ", options.RetryDelays.Select(d => $"{d.TotalSeconds:0.###} s"))));
            return 0;
        });
        var broker = new Command("broker", Texts.BrokerDescription);
        broker.Subcommands.Add(init);
        return broker;
    }
}

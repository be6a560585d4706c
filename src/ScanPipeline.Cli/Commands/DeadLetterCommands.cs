using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Messaging;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe dlq list [--peek N]</c> and <c>scanpipe dlq replay QUEUE [--max N]</c>: messages a stage gave
/// up on, with the reason, and sending them back through the normal pipeline once the cause is fixed.
/// </summary>
internal static class DeadLetterCommands
{
    public static Command Create()
    {
        var dlq = new Command("dlq", Texts.DlqDescription);
        dlq.Subcommands.Add(CreateList());
        dlq.Subcommands.Add(CreateReplay());
        return dlq;
    }

    private static Command CreateList()
    {
        var peek = new Option<int>("--peek") { Description = Texts.DlqPeekOption, DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var command = new Command("list", Texts.DlqListDescription) { peek, json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Create(messaging: true);
            var inspector = host.Services.GetRequiredService<QueueInspector>();
            var queues = await inspector.CountDeadLetterQueuesAsync(ct);
            var max = Math.Max(1, parse.GetValue(peek));
            var listed = new List<(QueueCount Queue, IReadOnlyList<DeadLetter> Messages)>();
            foreach (var queue in queues)
                listed.Add((queue, queue.Ready == 0 ? [] : await inspector.PeekAsync(queue.Queue, max, ct)));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(listed.Select(l => new { queue = l.Queue.Queue, count = l.Queue.Ready, messages = l.Messages }),
                    JsonOutput.Options));
                return 0;
            }
            Console.WriteLine(string.Format(Texts.DlqHeader, listed.Sum(l => l.Queue.Ready), listed.Count(l => l.Queue.Ready > 0)));
            foreach (var (queue, messages) in listed.Where(l => l.Queue.Ready > 0))
            {
                Console.WriteLine(string.Format(Texts.DlqQueueLine, queue.Queue, queue.Ready));
                var table = new Table().AddColumns(Texts.ColumnMessage, Texts.ColumnReason, Texts.ColumnDetail, Texts.ColumnFailedAt);
                foreach (var m in messages)
                    table.AddRow(Markup.Escape(m.MessageId ?? "?"), Markup.Escape(m.ReasonCode), Markup.Escape(m.Detail ?? ""), Markup.Escape(m.FailedAt ?? ""));
                AnsiConsole.Write(table);
            }
            return 0;
        });
        return command;
    }

    private static Command CreateReplay()
    {
        var queue = new Argument<string>("queue") { Description = Texts.DlqQueueArgument };
        var max = new Option<int>("--max") { Description = Texts.DlqMaxOption, DefaultValueFactory = _ => int.MaxValue };
        var command = new Command("replay", Texts.DlqReplayDescription) { queue, max };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Create(messaging: true);
            var inspector = host.Services.GetRequiredService<QueueInspector>();
            var workQueue = DeadLetterReplayer.WorkQueueOf(parse.GetRequiredValue(queue));
            if (Topology.IsDeadLetterQueue(workQueue) || await inspector.CountAsync(workQueue, ct) is null
                || await inspector.CountAsync(Topology.DeadLetterQueue(workQueue), ct) is null)
            {
                await Console.Error.WriteLineAsync(string.Format(Texts.DlqQueueUnknown, parse.GetRequiredValue(queue)));
                return 2;
            }
            var replayed = await host.Services.GetRequiredService<DeadLetterReplayer>().ReplayAsync(workQueue, Math.Max(1, parse.GetValue(max)), ct);
            Console.WriteLine(string.Format(Texts.DlqReplayed, replayed, Topology.DeadLetterQueue(workQueue), workQueue));
            return 0;
        });
        return command;
    }
}

using System.Text.RegularExpressions;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.Tests.Messaging;

public sealed class TopologyTests
{
    private static readonly string[] Departments = ["10", "32", "63", "Amt-70"];

    [Fact]
    public void Stage_queues_are_bound_to_the_events_exchange_by_message_name()
    {
        Assert.Equal(
            [
                (Topology.SplitQueue, MessageNames.BatchReceived),
                (Topology.OcrQueue, MessageNames.DocumentCaptured),
                (Topology.ClassifyQueue, MessageNames.DocumentRecognized),
            ],
            Topology.StageQueues.Select(q => (q.Name, q.BindingKey)));
        Assert.All(Topology.StageQueues, q => Assert.Equal(Topology.EventsExchange, q.Exchange));
    }

    [Fact]
    public void Every_department_gets_an_inbox_bound_to_its_code_and_verification_has_its_own_queue()
    {
        var queues = Topology.WorkQueues(Departments);

        var routed = queues.Where(q => q.Exchange == Topology.RoutedExchange).ToList();
        Assert.Equal(["inbox.10", "inbox.32", "inbox.63", "inbox.Amt-70", "verification"], routed.Select(q => q.Name));
        Assert.Equal(["10", "32", "63", "Amt-70", Routing.VerificationTarget], routed.Select(q => q.BindingKey));
        Assert.Equal(["inbox.10", "inbox.32", "inbox.63", "inbox.Amt-70", "verification"], Topology.DeliveryQueues(Departments));
    }

    [Fact]
    public void Each_work_queue_has_a_dead_letter_queue_with_the_suffix()
    {
        var queues = Topology.WorkQueues(Departments);

        Assert.All(queues, q => Assert.Equal(q.Name + ".dlq", q.DeadLetterQueue));
        Assert.All(queues, q => Assert.True(Topology.IsDeadLetterQueue(q.DeadLetterQueue)));
        Assert.All(queues, q => Assert.False(Topology.IsDeadLetterQueue(q.Name)));
        // One binding key per source queue, so a dead letter cannot land in two DLQs.
        Assert.Equal(queues.Count, queues.Select(q => q.BindingKey).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("63.dlq")]
    [InlineData("a b")]
    [InlineData("#")]
    [InlineData("verification")]
    public void Invalid_department_codes_never_become_queue_names(string code) =>
        Assert.Throws<ArgumentException>(() => Topology.InboxQueue(code));

    [Fact]
    public void The_policy_pattern_matches_every_work_queue_and_no_dead_letter_queue()
    {
        // RabbitMQ matches policy patterns with PCRE; this pattern uses only syntax both engines read alike.
        var pattern = new Regex(Topology.WorkQueuePolicyPattern);
        var queues = Topology.WorkQueues(Departments);

        Assert.All(queues, q => Assert.Matches(pattern, q.Name));
        Assert.All(queues, q => Assert.DoesNotMatch(pattern, q.DeadLetterQueue));
        Assert.DoesNotMatch(pattern, "scanpipe.splitter");
        Assert.DoesNotMatch(pattern, "xscanpipe.ocr");
        Assert.DoesNotMatch(pattern, "inbox.");
        Assert.DoesNotMatch(pattern, "amq.gen-abc");
    }
}

using System.Text;
using RabbitMQ.Client;
using ScanPipeline.Core.Documents;
using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.Tests.Messaging;

/// <summary>Reading why a message is in a dead-letter queue, from the headers as the client hands them over.</summary>
public sealed class DeadLetterTests
{
    private static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);

    [Fact]
    public void A_message_the_pipeline_dead_lettered_carries_its_reason_headers()
    {
        var properties = new BasicProperties
        {
            MessageId = "b-1/scanpipe.batch.received",
            Type = "scanpipe.batch.received",
            Headers = new Dictionary<string, object?>
            {
                [MessageHeaders.Reason] = Text(ReasonCodes.Encrypted),
                [MessageHeaders.Detail] = Text("Passwortgeschützte PDF"),
                [MessageHeaders.Queue] = Text("scanpipe.split"),
                [MessageHeaders.FailedAt] = Text("2026-03-03T08:15:00.0000000+00:00"),
            },
        };

        var dead = DeadLetter.From(properties, "scanpipe.batch.received", 321);

        Assert.Equal(ReasonCodes.Encrypted, dead.ReasonCode);
        Assert.Equal("Passwortgeschützte PDF", dead.Detail);
        Assert.Equal("scanpipe.split", dead.SourceQueue);
        Assert.Equal("2026-03-03T08:15:00.0000000+00:00", dead.FailedAt);
        Assert.Equal(321, dead.BodyBytes);
    }

    [Fact]
    public void A_message_the_broker_dead_lettered_at_the_delivery_limit_gets_the_delivery_limit_reason()
    {
        var properties = new BasicProperties
        {
            MessageId = "d-1/scanpipe.document.captured",
            Headers = new Dictionary<string, object?>
            {
                [MessageHeaders.Death] = new List<object?>
                {
                    new Dictionary<string, object?>
                    {
                        ["reason"] = Text("delivery_limit"),
                        ["queue"] = Text("scanpipe.ocr"),
                        ["count"] = 1L,
                        ["exchange"] = Text("scanpipe.events"),
                    },
                },
            },
        };

        var dead = DeadLetter.From(properties, "scanpipe.document.captured", 10);

        Assert.Equal(ReasonCodes.DeliveryLimit, dead.ReasonCode);
        Assert.Equal("scanpipe.ocr", dead.SourceQueue);
        Assert.Contains("delivery_limit", dead.Detail);
    }

    [Fact]
    public void A_message_without_any_reason_says_so() =>
        Assert.Equal("unknown", DeadLetter.From(new BasicProperties(), "x", 0).ReasonCode);
}

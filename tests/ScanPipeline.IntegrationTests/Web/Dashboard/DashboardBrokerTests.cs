using System.Net;
using RabbitMQ.Client;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Web.Dashboard;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Dashboard;

/// <summary>The backlog read from a real broker (its own virtual host) and recorded by the sampler; and a broker that is down.</summary>
public sealed class DashboardBrokerTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    private async Task PublishAsync(string queue, int messages)
    {
        for (var i = 0; i < messages; i++)
            await broker.Publisher.PublishRawAsync("", queue, new BasicProperties { Persistent = true, MessageId = $"{queue}-{i}" },
                "{}"u8.ToArray(), CancellationToken.None);
        await Eventually.UntilAsync(() => broker.Inspector.CountAsync(queue, CancellationToken.None), c => c?.Ready == messages,
            $"{messages} messages in {queue}");
    }

    [RequiresBrokerFact]
    public async Task The_sampler_records_the_queue_depths_and_the_page_shows_the_backlog_and_its_history()
    {
        await PublishAsync(Topology.OcrQueue, 3);
        await PublishAsync(Topology.DeadLetterQueue(Topology.OcrQueue), 2);
        using var host = new WebTestHost();
        host.Settings["Web:DashboardSampleSeconds"] = "1";
        var web = new PinnedBrokerWeb(host, broker.AmqpUri);
        var metadata = web.Get<MetadataStore>();
        var started = DateTimeOffset.UtcNow;
        metadata.RecordQueueDepths(started - BacklogSampler.KeepFor - TimeSpan.FromMinutes(1), [(Topology.OcrQueue, 42)]);

        var samples = await Eventually.UntilAsync(() => Task.FromResult(metadata.ListQueueDepthsSince(started)),
            s => s.Any(x => x.Queue == Topology.OcrQueue) && s.Any(x => x.Queue == Topology.DeadLetterQueue(Topology.OcrQueue)),
            "a sample of scanpipe.ocr and its DLQ", TimeSpan.FromSeconds(20));

        Assert.Equal(3, samples.First(s => s.Queue == Topology.OcrQueue).Ready);
        Assert.Equal(2, samples.First(s => s.Queue == Topology.DeadLetterQueue(Topology.OcrQueue)).Ready);
        Assert.Equal(0, samples.First(s => s.Queue == Topology.SplitQueue).Ready);
        Assert.Contains(samples, s => s.Queue == "inbox.63");
        Assert.DoesNotContain(samples, s => s.Queue == "inbox.10"); // not declared in this virtual host
        Assert.DoesNotContain(metadata.ListQueueDepthsSince(DateTimeOffset.MinValue), s => s.Ready == 42); // pruned: older than two days

        web.AddUser("olga", UserRoles.Operator);
        using var client = await web.SignInAsync("olga");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/dashboard"));

        Assert.Equal("3", DashboardPage.Figure(page, "queue", Topology.OcrQueue, "ready"));
        Assert.Equal("2", DashboardPage.Figure(page, "queue", Topology.OcrQueue, "dead-letters"));
        Assert.Equal("0", DashboardPage.Figure(page, "queue", Topology.OcrQueue, "consumers"));
        Assert.Equal("0", DashboardPage.Figure(page, "queue", Topology.SplitQueue, "ready"));
        Assert.Equal("2", DashboardPage.Figure(page, "error", "dead-letters", "count"));
        Assert.Contains("Texterkennung <code>scanpipe.ocr</code>", page);
        // The history: a line chart with its text alternative and the numbers in a table.
        Assert.Contains("id=\"backlog-chart\"", page);
        Assert.Contains("Höchster Rückstau heute: Texterkennung mit 3 Nachrichten", page);
        Assert.Contains("id=\"backlog-history-table\"", page);
    }

    [Fact]
    public async Task A_broker_that_is_down_gives_a_german_message_and_the_other_figures_not_a_500()
    {
        using var host = new WebTestHost();
        // Nothing listens on port 1: every connection attempt is refused.
        var web = new PinnedBrokerWeb(host, "amqp://guest:guest@127.0.0.1:1/");
        await host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20");
        web.AddUser("olga", UserRoles.Operator);
        using var client = await web.SignInAsync("olga");

        var response = await client.GetAsync("/dashboard?handler=Content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var figures = await response.Content.ReadAsStringAsync();
        Assert.Contains("Der Nachrichtenbroker (RabbitMQ) ist nicht erreichbar.", figures);
        Assert.Equal("nicht verfügbar", DashboardPage.Figure(figures, "error", "dead-letters", "count"));
        Assert.Equal("1", DashboardPage.Figure(figures, "department", "20", "documents"));
        Assert.DoesNotContain("id=\"backlog-table\"", figures);
    }
}

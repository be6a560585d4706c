using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Storage;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Messaging;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Hosting;
using ScanPipeline.Worker.Options;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Web.Config;

/// <summary>
/// A change on the configuration pages reaches a running worker (real broker, real stores, the shipped model)
/// without a restart: classify routes by the changed rule, deliver consumes a new department's inbox, ingest
/// watches a new scanner line. The worker reads the same configuration files as the web host.
/// </summary>
public sealed class ConfigTakesEffectTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>, IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "scanpipe-config", Guid.NewGuid().ToString("N"));

    /// <summary>A worker of <paramref name="roles"/> on the web host's configuration files and this test's stores.</summary>
    private IHost Worker(string roles, ConfigWebHost web)
    {
        var settings = broker.Settings("config-" + roles);
        settings["Pipeline:Roles:0"] = roles;
        settings["Pipeline:RoutingRulesPath"] = web.RulesPath;
        settings["Pipeline:ScannerLinesPath"] = web.LinesPath;
        settings["Classification:ModelsDirectory"] = Repository.Path("models");
        settings["Storage:DataDirectory"] = Path.Combine(_work, "data");
        settings["Ingest:StableFor"] = "00:00:00.200";
        settings["Ingest:PollInterval"] = "00:00:00.100";
        settings["Ingest:HotFolderRoot"] = web.HotFolderRoot;
        // The same lines as the web host's configuration, for as long as there is no scanner-lines file.
        settings["Ingest:ScannerLines:0:Name"] = "scanstrasse-1";
        settings["Ingest:ScannerLines:0:HotFolder"] = Path.Combine(web.Web.DataDirectory, "hot", "scanstrasse-1");
        var builder = ScanPipelineHost.CreateBuilder(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new XunitLoggerProvider(output));
        builder.AddScanPipeline();
        builder.Services.PostConfigure<RabbitMqOptions>(o => o.Uri = broker.AmqpUri);
        return builder.Build();
    }

    private static async Task StartAsync(IHost worker)
    {
        await worker.StartAsync();
        await worker.Services.GetRequiredService<TopologyReadiness>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task<uint> ReadyAsync(string queue) => (await broker.Inspector.CountAsync(queue, CancellationToken.None))?.Ready ?? 0;

    [RequiresBrokerFact]
    public async Task A_running_classify_worker_routes_the_next_document_by_the_rule_an_admin_just_changed()
    {
        using var web = new ConfigWebHost();
        using var worker = Worker(Roles.Classify, web);
        await StartAsync(worker);
        var blobs = worker.Services.GetRequiredService<IBlobStore>();
        var text = await File.ReadAllTextAsync(Repository.Path("samples/scans/groundtruth/09-widerspruch-g4.tif.txt"));
        var textSha = await blobs.PutAsync(Encoding.UTF8.GetBytes(text));
        DocumentRecognized Document(int n)
        {
            var sha = Ids.Sha256Hex(Guid.NewGuid().ToByteArray());
            return new DocumentRecognized(Ids.DocumentId(sha, n), Ids.BatchId(sha), "scanstrasse-1", sha, "09-widerspruch-g4.tif",
                MediaTypes.Tiff, [1], textSha, null, 90, 0, DateTimeOffset.UtcNow, 1.0);
        }
        try
        {
            await broker.Publisher.PublishAsync(Document(0), CancellationToken.None);
            await Eventually.UntilAsync(() => ReadyAsync(Topology.InboxQueue("30")), n => n == 1, "the Widerspruch in the Rechtsamt's inbox queue");

            using var admin = await web.Web.SignInAsync(ConfigWebHost.Admin);
            var change = await ConfigWebHost.PostAsync(admin, "/admin/config", "UpdateRule",
                new() { ["type"] = "Widerspruch", ["department"] = "32", ["minConfidence"] = "0,7" });
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

            await broker.Publisher.PublishAsync(Document(1), CancellationToken.None);
            await Eventually.UntilAsync(() => ReadyAsync(Topology.InboxQueue("32")), n => n == 1, "the next Widerspruch in the Ordnungsamt's inbox queue");
            Assert.Equal(1u, await ReadyAsync(Topology.InboxQueue("30")));
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    [RequiresBrokerFact]
    public async Task A_department_added_on_the_page_gets_its_inbox_queue_and_a_running_deliver_worker_files_into_it()
    {
        using var web = new ConfigWebHost();
        using var worker = Worker(Roles.Deliver, web);
        await StartAsync(worker);
        try
        {
            using var admin = await web.Web.SignInAsync(ConfigWebHost.Admin);
            await ConfigWebHost.PostAsync(admin, "/admin/config/departments", "Add", new() { ["code"] = "37", ["name"] = "Feuerwehr" });
            await ConfigWebHost.PostAsync(admin, "/admin/config", "AddType", new() { ["type"] = "Brandschau-Antrag", ["department"] = "37" });
            Assert.Equal("37", web.Web.Get<RoutingRules>().Decide("Brandschau-Antrag", 0.9).Target);

            var inboxes = worker.Services.GetRequiredService<DepartmentInboxes>();
            await Eventually.UntilAsync(() => inboxes.AddedDepartments.Contains("37"), "the worker to consume the new department's inbox");
            await Eventually.UntilAsync(() => broker.Inspector.CountAsync(Topology.InboxQueue("37"), CancellationToken.None),
                queue => queue?.Consumers == 1, "one consumer on the new inbox queue");

            var routed = await RoutedAsync(worker.Services.GetRequiredService<IBlobStore>(), "37");
            await broker.Publisher.PublishRoutedAsync(routed, CancellationToken.None);
            var metadata = worker.Services.GetRequiredService<MetadataStore>();
            await Eventually.UntilAsync(() => metadata.ListInbox("37").Any(i => i.DocumentId == routed.DocumentId), "the document in the new inbox");
            // The deliver stage's own queues are still consumed as before.
            Assert.Equal(1u, (await broker.Inspector.CountAsync(Topology.InboxQueue("63"), CancellationToken.None))!.Consumers);
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    [RequiresBrokerFact]
    public async Task A_running_ingest_watches_a_scanner_line_added_on_the_page_without_a_restart()
    {
        using var web = new ConfigWebHost();
        using var worker = Worker(Roles.Ingest, web);
        await StartAsync(worker);
        try
        {
            using var admin = await web.Web.SignInAsync(ConfigWebHost.Admin);
            var added = await ConfigWebHost.PostAsync(admin, "/admin/config/scanner-lines", "Add",
                new() { ["name"] = "poststelle-2", ["folder"] = "poststelle-2", ["separation"] = "blank-page" });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

            var scan = await File.ReadAllBytesAsync(Repository.Path("samples/scans/05-rechnung-g4.tif"));
            var dropped = Path.Combine(web.HotFolderRoot, "poststelle-2", "rechnung.tif");
            TestPipeline.Drop(Path.GetDirectoryName(dropped)!, "rechnung.tif", scan);
            // Ingest removes the file from the hot folder last: once stored, recorded and published.
            await Eventually.UntilAsync(() => !File.Exists(dropped), "the file from the new line's hot folder to be taken");
            var batch = worker.Services.GetRequiredService<MetadataStore>().FindBatch(Ids.BatchId(Ids.Sha256Hex(scan)));
            Assert.Equal("poststelle-2", batch!.ScannerLine);
            Assert.Equal(1u, await ReadyAsync(Topology.SplitQueue));
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    /// <summary>A routed document whose original and text are in the worker's blob store, as classify leaves it.</summary>
    private static async Task<DocumentRouted> RoutedAsync(IBlobStore blobs, string target)
    {
        var original = await File.ReadAllBytesAsync(Repository.Path("samples/scans/21-bauantrag-g4.tif"));
        var text = "Antrag auf Brandschau für das Gebäude Hauptstraße 1";
        var sha = await blobs.PutAsync(original);
        var textSha = await blobs.PutAsync(Encoding.UTF8.GetBytes(text));
        var id = Ids.DocumentId(Ids.Sha256Hex(Encoding.UTF8.GetBytes(sha + target)), 0);
        return new DocumentRouted(id, Ids.BatchId(sha), "scanstrasse-1", sha, "brandschau.tif", MediaTypes.Tiff, [1], textSha, null,
            "Brandschau-Antrag", 0.9, target, RoutingRules.ReasonRule, "test-model", 90, 0, DateTimeOffset.UtcNow, 1.0);
    }

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }
}

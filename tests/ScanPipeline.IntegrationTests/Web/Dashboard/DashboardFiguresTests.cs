using System.Net;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Dashboard;

/// <summary>The dashboard's figures, from batches, documents and quarantine items put into the web role's real stores.</summary>
public sealed class DashboardFiguresTests
{
    private static void Batch(MetadataStore metadata, string id, string line, DateTimeOffset receivedAt, int? pages)
    {
        metadata.RecordBatchReceived(new BatchRecord(id, line, new string('b', 64), id + ".tif", "image/tiff", 1000, receivedAt, BatchStatus.Received));
        if (pages is { } n) metadata.RecordBatchSplit(id, n, n - 1, 1, 2);
    }

    [Fact]
    public async Task Pages_per_minute_per_scanner_line_count_the_last_hour_and_the_day_and_show_idle_lines()
    {
        using var host = new WebTestHost();
        host.Settings["Ingest:ScannerLines:1:Name"] = "scanstrasse-2";
        host.Settings["Ingest:ScannerLines:1:HotFolder"] = Path.Combine(host.DataDirectory, "hot", "scanstrasse-2");
        host.AddUser("olga", UserRoles.Operator);
        var metadata = host.Get<MetadataStore>();
        var now = DateTimeOffset.UtcNow;
        Batch(metadata, "b-00000000000000000001", "scanstrasse-1", now.AddMinutes(-40), 60);
        Batch(metadata, "b-00000000000000000002", "scanstrasse-1", now.AddMinutes(-10), 40);
        Batch(metadata, "b-00000000000000000003", "scanstrasse-1", now.AddMinutes(-5), null); // not split yet: no pages counted
        Batch(metadata, "b-00000000000000000004", "scanstrasse-1", now.AddHours(-26), 500);   // yesterday at the latest
        Batch(metadata, "b-00000000000000000005", "scanstrasse-3", now.AddMinutes(-20), 12);  // a line no longer configured
        using var client = await host.SignInAsync("olga");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/dashboard"));

        Assert.Equal("1,7", DashboardPage.Figure(page, "line", "scanstrasse-1", "rate-hour")); // 100 pages / 60 min
        Assert.Equal("100", DashboardPage.Figure(page, "line", "scanstrasse-1", "pages-hour"));
        Assert.Equal("0,0", DashboardPage.Figure(page, "line", "scanstrasse-2", "rate-hour"));
        Assert.Equal("0", DashboardPage.Figure(page, "line", "scanstrasse-2", "pages-today"));
        Assert.Equal("0,2", DashboardPage.Figure(page, "line", "scanstrasse-3", "rate-hour"));
        Assert.Contains("id=\"throughput-chart-0\"", page);
        Assert.Contains("id=\"throughput-chart-1\"", page);
        Assert.Contains("<figcaption>scanstrasse-2</figcaption>", page);
        // Shortly after midnight the first batch belongs to yesterday; the unit tests cover that case.
        var local = TimeZoneInfo.Local;
        if (TimeZoneInfo.ConvertTime(now.AddMinutes(-41), local).Date == TimeZoneInfo.ConvertTime(now, local).Date)
        {
            Assert.Equal("100", DashboardPage.Figure(page, "line", "scanstrasse-1", "pages-today"));
            Assert.Equal("2,5", DashboardPage.Figure(page, "line", "scanstrasse-1", "rate-today")); // 100 pages in the 40 minutes since the first batch
            Assert.Contains("<svg", page);
            Assert.Contains("heute 100 Seiten", page); // the chart's text alternative
        }
    }

    [Fact]
    public async Task Documents_per_department_today_include_idle_departments_and_the_verification_queue()
    {
        using var host = new WebTestHost();
        host.AddUser("olga", UserRoles.Operator);
        await host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20");
        await host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20", textOverride: "Rechnung Nr. 2 über 12,00 EUR");
        await host.FileDocumentAsync("21-bauantrag-g4.tif", "Bauantrag", "63");
        await host.FileDocumentAsync("21-bauantrag-g4.tif", "Bauantrag", Routing.VerificationTarget, confidence: 0.4);
        using var client = await host.SignInAsync("olga");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/dashboard"));

        Assert.Equal("2", DashboardPage.Figure(page, "department", "20", "documents"));
        Assert.Equal("1", DashboardPage.Figure(page, "department", "63", "documents"));
        Assert.Equal("1", DashboardPage.Figure(page, "department", Routing.VerificationTarget, "documents"));
        Assert.Equal("0", DashboardPage.Figure(page, "department", "10", "documents"));
        Assert.Contains("63 Bauordnungsamt", page);
        Assert.Contains("data-figure=\"documents-total\">4<", page);
    }

    [Fact]
    public async Task Errors_of_the_last_24_hours_count_quarantined_files_open_or_resolved_and_quarantined_documents()
    {
        using var host = new WebTestHost();
        host.AddUser("olga", UserRoles.Operator);
        var quarantine = host.Get<QuarantineStore>();
        var metadata = host.Get<MetadataStore>();
        quarantine.Add("%PDF-1.7 abgebrochen"u8, "corrupt-file", "Die Datei ist beschädigt.", null, "25-abgebrochener-scan.pdf", "scanstrasse-1", null);
        var resolved = quarantine.Add("kein Bild"u8, "unknown-format", "Unbekanntes Format.", null, "notiz.bin", "scanstrasse-1", null);
        quarantine.Resolve(resolved.Id, new QuarantineResolution(QuarantineAction.Discard, "kein Scan", "olga", DateTimeOffset.UtcNow));
        metadata.RecordDocumentQuarantined("d-000000000000000000aa", "b-000000000000000000aa", "ocr-failed", "Texterkennung fehlgeschlagen");
        using var client = await host.SignInAsync("olga");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/dashboard"));

        Assert.Equal("2", DashboardPage.Figure(page, "error", "files", "count"));
        Assert.Equal("1", DashboardPage.Figure(page, "error", "documents", "count"));
        Assert.True(DashboardPage.HasRow(page, "reason", "corrupt-file"));
        Assert.True(DashboardPage.HasRow(page, "reason", "unknown-format"));
        Assert.True(DashboardPage.HasRow(page, "reason", "ocr-failed"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard?handler=Content")).StatusCode);
    }
}

using System.Net;
using System.Text;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Poststelle;

/// <summary>Issue 6, points 7 and 8: the verification station (Klärfälle) and the quarantine view, over HTTP.</summary>
public sealed class VerificationAndQuarantineTests : IDisposable
{
    private readonly WebTestHost _host = new();

    public VerificationAndQuarantineTests()
    {
        _host.AddUser("olga", UserRoles.Operator);
        _host.AddUser("anna", UserRoles.CaseWorker, "32");
    }

    public void Dispose() => _host.Dispose();

    private static readonly ClassScore[] Scores = [new("Bußgeld-Einspruch", 0.48), new("Widerspruch", 0.31), new("Beschwerde", 0.12)];

    [Fact]
    public async Task A_klaerfall_shows_the_three_suggestions_thumbnails_and_text()
    {
        var id = await _host.FileDocumentAsync("13-bussgeldeinspruch-scan.pdf", "Bußgeld-Einspruch", Routing.VerificationTarget, 0.48, topScores: Scores);
        using var olga = await _host.SignInAsync("olga");
        var list = await olga.GetStringAsync("/verification");
        Assert.Contains($"/verification/{id}", list);
        Assert.Contains("Offene Klärfälle: 1", list);

        var page = await olga.GetStringAsync($"/verification/{id}");
        Assert.Contains("data-shortcut=\"1\"", page);
        Assert.Contains("value=\"Bußgeld-Einspruch\"", page);
        Assert.Contains("data-shortcut=\"3\"", page);
        Assert.Contains("value=\"Beschwerde\"", page);
        Assert.Contains("48 %", page);
        Assert.Contains($"/documents/{id}/pages/1", page);
        Assert.Contains("<datalist id=\"all-types\">", page);

        var thumbnail = await olga.GetAsync($"/documents/{id}/pages/1");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        var png = await thumbnail.Content.ReadAsByteArrayAsync();
        Assert.Equal("\u0089PNG", Encoding.Latin1.GetString(png[..4]));
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync($"/documents/{id}/pages/99")).StatusCode);
    }

    [Fact]
    public async Task A_decision_routes_the_document_records_labelled_data_and_opens_the_next_case()
    {
        var first = await _host.FileDocumentAsync("13-bussgeldeinspruch-scan.pdf", "Bußgeld-Einspruch", Routing.VerificationTarget, 0.48,
            receivedAt: DateTimeOffset.UtcNow.AddMinutes(-10), topScores: Scores);
        var second = await _host.FileDocumentAsync("09-widerspruch-g4.tif", "Widerspruch", Routing.VerificationTarget, 0.52, topScores: Scores);
        using var olga = await _host.SignInAsync("olga");

        var decided = await WebTestHost.PostFormAsync(olga, $"/verification/{first}", $"/verification/{first}", new() { ["type"] = "Bußgeld-Einspruch" });
        Assert.Equal($"/verification/{second}", decided.Headers.Location?.OriginalString);   // oldest first, then the next one

        var metadata = _host.Get<MetadataStore>();
        Assert.Equal("32", metadata.FindListItem(first)!.Item.Department);
        var correction = Assert.Single(metadata.ListCorrections());
        Assert.Equal((CorrectionSource.Verification, "olga", "Bußgeld-Einspruch"), (correction.Source, correction.Actor, correction.CorrectedType));
        Assert.Contains(metadata.ListAudit(first), e => e.Action == AuditAction.Verify && e.Actor == "olga");
        using var anna = await _host.SignInAsync("anna");
        Assert.Contains(first, await anna.GetStringAsync("/inbox"));

        // A type that has no routing rule is refused with a reason; nothing moves.
        var refused = await WebTestHost.PostFormAsync(olga, $"/verification/{second}", $"/verification/{second}", new() { ["type"] = "Liebesbrief" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Unbekannter Dokumenttyp: Liebesbrief", await refused.Content.ReadAsStringAsync());
        Assert.Equal(Routing.VerificationTarget, metadata.FindListItem(second)!.Item.Department);

        // A decided document is no longer a Klärfall.
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync($"/verification/{first}")).StatusCode);
    }

    [Fact]
    public async Task Quarantined_files_are_listed_with_their_reason_and_can_be_retried_or_discarded_with_a_reason()
    {
        var quarantine = _host.Get<QuarantineStore>();
        var broken = quarantine.Add(Encoding.ASCII.GetBytes("%PDF-1.7 kaputt"), "unreadable", "Datei nicht lesbar", "kein xref", "kaputt.pdf", "scanstrasse-1", null);
        var other = quarantine.Add(Encoding.ASCII.GetBytes("%PDF-1.7 auch kaputt"), "too-many-pages", "Zu viele Seiten", null, "dick.pdf", "scanstrasse-1", null);
        using var olga = await _host.SignInAsync("olga");
        var page = await olga.GetStringAsync("/quarantine");
        Assert.Contains("kaputt.pdf", page);
        Assert.Contains("dick.pdf", page);
        Assert.Contains("kein xref", page);

        var noReason = await WebTestHost.PostFormAsync(olga, "/quarantine", "/quarantine?handler=Discard", new() { ["id"] = other.Id, ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Grund nötig", await noReason.Content.ReadAsStringAsync());
        Assert.NotNull(quarantine.Read(other.Id));

        var discarded = await WebTestHost.PostFormAsync(olga, "/quarantine", "/quarantine?handler=Discard", new() { ["id"] = other.Id, ["reason"] = "Testseite, kein Posteingang" });
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var (reason, resolution) = Assert.Single(quarantine.ListResolved());
        Assert.Equal((other.Id, QuarantineAction.Discard, "Testseite, kein Posteingang", "olga"), (reason.Id, resolution.Action, resolution.Reason, resolution.Actor));

        var retried = await WebTestHost.PostFormAsync(olga, "/quarantine", "/quarantine?handler=Retry", new() { ["id"] = broken.Id });
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.True(File.Exists(Path.Combine(_host.DataDirectory, "hot", "scanstrasse-1", "kaputt.pdf")));
        Assert.Empty(quarantine.List());
        var audit = _host.Get<MetadataStore>().ListRecentAudit(10);
        Assert.Contains(audit, e => e.Action == AuditAction.QuarantineDiscard && e.Detail!.Contains("Testseite", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditAction.QuarantineRetry && e.Actor == "olga");

        using var anna = await _host.SignInAsync("anna");
        Assert.Equal("/status/403", (await anna.GetAsync("/quarantine")).Headers.Location?.AbsolutePath);
    }
}

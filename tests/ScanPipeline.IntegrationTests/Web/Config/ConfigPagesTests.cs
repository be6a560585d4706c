using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Core.Configuration;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Configuration;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Config;

/// <summary>The admin configuration pages through HTTP: validated, versioned, audited, admin-only, in force at once.</summary>
public sealed class ConfigPagesTests
{
    private const string RulesPage = "/admin/config";
    private const string DepartmentsPage = "/admin/config/departments";
    private const string LinesPage = "/admin/config/scanner-lines";
    private const string HistoryPage = "/admin/config/history";

    [Fact]
    public async Task An_admin_changes_a_rule_and_the_next_routing_decision_uses_it_without_a_restart()
    {
        using var host = new ConfigWebHost();
        // The worker's source of the rules, on the same file, created before the change as in a running worker.
        var workerRules = new RoutingRulesFile(host.RulesPath, NullLogger<RoutingRulesFile>.Instance);
        Assert.Equal(("30", RoutingRules.ReasonRule), workerRules.Current.Decide("Widerspruch", 0.75));
        using var admin = await host.Web.SignInAsync(ConfigWebHost.Admin);

        var response = await ConfigWebHost.PostAsync(admin, RulesPage, "UpdateRule",
            new() { ["type"] = "Widerspruch", ["department"] = "32", ["minConfidence"] = "0,8" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(("verification", RoutingRules.ReasonLowConfidence), workerRules.Current.Decide("Widerspruch", 0.75));
        Assert.Equal(("32", RoutingRules.ReasonRule), workerRules.Current.Decide("Widerspruch", 0.85));
        // The web's own view of the rules (the inbox, verification and accounts read it) changed as well.
        Assert.Equal("32", host.Web.Get<RoutingRules>().Decide("Widerspruch", 0.85).Target);
        var page = await ConfigWebHost.TextAsync(await admin.GetAsync(response.Headers.Location!.ToString()));
        Assert.Contains("Die Regel für Widerspruch wurde gespeichert.", page);
    }

    [Fact]
    public async Task An_invalid_change_is_refused_with_a_German_message_and_nothing_is_written()
    {
        using var host = new ConfigWebHost();
        var rulesBefore = await File.ReadAllBytesAsync(host.RulesPath);
        using var admin = await host.Web.SignInAsync(ConfigWebHost.Admin);

        var unknownDepartment = await ConfigWebHost.PostAsync(admin, RulesPage, "UpdateRule",
            new() { ["type"] = "Widerspruch", ["department"] = "99", ["minConfidence"] = "" });
        var badThreshold = await ConfigWebHost.PostAsync(admin, RulesPage, "Default", new() { ["defaultMinConfidence"] = "1,5" });
        var badCode = await ConfigWebHost.PostAsync(admin, DepartmentsPage, "Add", new() { ["code"] = "../63", ["name"] = "Böse" });
        var pathAsFolder = await ConfigWebHost.PostAsync(admin, LinesPage, "Add",
            new() { ["name"] = "scanstrasse-9", ["folder"] = "../../etc", ["separation"] = "separator-sheet" });

        foreach (var response in new[] { unknownDepartment, badThreshold, badCode, pathAsFolder })
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Die Änderung wurde nicht gespeichert", await ConfigWebHost.TextAsync(unknownDepartment));
        Assert.Contains("Die Regel für Widerspruch nennt den Fachbereich 99, den es nicht gibt.", await ConfigWebHost.TextAsync(unknownDepartment));
        Assert.Contains("Die Mindestkonfidenz muss eine Zahl zwischen 0 und 1 sein", await ConfigWebHost.TextAsync(badThreshold));
        Assert.Contains("Die Kennziffer »../63« ist ungültig", await ConfigWebHost.TextAsync(badCode));
        Assert.Contains("»../../etc« ist kein gültiger Ordnername", await ConfigWebHost.TextAsync(pathAsFolder));

        Assert.Equal(rulesBefore, await File.ReadAllBytesAsync(host.RulesPath));
        Assert.False(File.Exists(host.LinesPath));
        Assert.False(Directory.Exists(host.HistoryDirectory));
        Assert.False(Directory.Exists(Path.Combine(host.Web.DataDirectory, "etc")));
        Assert.Empty(host.ConfigAudit());
    }

    [Fact]
    public async Task A_department_still_in_use_is_not_removed_and_the_page_says_why()
    {
        using var host = new ConfigWebHost();
        await host.Web.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20");
        using var admin = await host.Web.SignInAsync(ConfigWebHost.Admin);

        var response = await ConfigWebHost.PostAsync(admin, DepartmentsPage, "Remove", new() { ["code"] = "20" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ConfigWebHost.TextAsync(response);
        Assert.Contains("Der Fachbereich 20 (Kämmerei) kann nicht entfernt werden: die Regeln für Rechnung leiten Post an ihn; " +
                        "1 Dokument(e) liegen in seinem Postkorb; 1 Benutzer gehören zu ihm.", page);
        Assert.Contains(host.Web.Get<RoutingRules>().Departments, d => d.Code == "20");
        Assert.Empty(host.ConfigAudit());

        // One that nothing names can go.
        Assert.Equal(HttpStatusCode.Redirect,
            (await ConfigWebHost.PostAsync(admin, DepartmentsPage, "Add", new() { ["code"] = "37", ["name"] = "Feuerwehr" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfigWebHost.PostAsync(admin, DepartmentsPage, "Remove", new() { ["code"] = "37" })).StatusCode);
        Assert.DoesNotContain(host.Web.Get<RoutingRules>().Departments, d => d.Code == "37");
    }

    [Fact]
    public async Task Each_change_makes_a_version_and_an_audit_entry_and_a_restore_is_a_new_version()
    {
        using var host = new ConfigWebHost();
        var original = host.Web.Get<RoutingRules>().ToJson();
        using var admin = await host.Web.SignInAsync(ConfigWebHost.Admin);

        await ConfigWebHost.PostAsync(admin, DepartmentsPage, "Add", new() { ["code"] = "37", ["name"] = "Feuerwehr" });
        await ConfigWebHost.PostAsync(admin, RulesPage, "AddType", new() { ["type"] = "Brandschau-Antrag", ["department"] = "37", ["minConfidence"] = "" });
        await ConfigWebHost.PostAsync(admin, RulesPage, "Default", new() { ["defaultMinConfidence"] = "0,65" });
        await ConfigWebHost.PostAsync(admin, LinesPage, "Add",
            new() { ["name"] = "formulare", ["folder"] = "formulare", ["separation"] = "fixed-page-count", ["pagesPerDocument"] = "4" });

        Assert.Equal(4, host.Versions("routing-rules"));   // the starting point and three changes
        Assert.Equal(2, host.Versions("scanner-lines"));   // the configured lines and the change
        var audit = host.ConfigAudit();
        Assert.Equal(4, audit.Count);
        Assert.All(audit, e => Assert.Equal(ConfigWebHost.Admin, e.Actor));
        Assert.Contains(audit, e => e.Detail!.StartsWith("routing-rules.json: Fachbereich 37 Feuerwehr hinzugefügt", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Detail!.StartsWith("routing-rules.json: Standard-Mindestkonfidenz 0,6 → 0,65", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Detail!.StartsWith("scanner-lines.json: Scan-Straße formulare hinzugefügt", StringComparison.Ordinal));
        Assert.Contains("Konfiguration geändert", await ConfigWebHost.TextAsync(await admin.GetAsync("/admin/audit")));

        var history = await ConfigWebHost.TextAsync(await admin.GetAsync(HistoryPage));
        var starting = Directory.EnumerateFiles(host.HistoryDirectory, "routing-rules.*.initial.json").Select(Path.GetFileName).Single()!;
        Assert.Contains(starting, history);
        Assert.Contains("Ausgangsstand", history);
        var shown = await admin.GetAsync($"{HistoryPage}?file=routing-rules&version={Uri.EscapeDataString(starting)}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("\"Bauordnungsamt\"", await ConfigWebHost.TextAsync(shown));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{HistoryPage}?file=routing-rules&version=..%2Frouting-rules.json")).StatusCode);

        var restore = await ConfigWebHost.PostAsync(admin, HistoryPage, "Restore", new() { ["file"] = "routing-rules", ["version"] = starting });

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Equal(original, host.Web.Get<RoutingRules>().ToJson());
        Assert.Equal(5, host.Versions("routing-rules"));
        Assert.Contains(host.ConfigAudit(), e => e.Detail!.Contains($"Version {starting} wiederhergestellt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ConfigWebHost.Operator, "/verification")]
    [InlineData(ConfigWebHost.CaseWorker, "/inbox")]
    public async Task Non_admins_get_403_on_every_configuration_page_and_handler(string user, string ownPage)
    {
        using var host = new ConfigWebHost();
        var rulesBefore = await File.ReadAllBytesAsync(host.RulesPath);
        using var client = await host.Web.SignInAsync(user);

        foreach (var page in new[] { RulesPage, DepartmentsPage, LinesPage, HistoryPage })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/status/403", PathOf(response.Headers.Location));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
        }
        // A form posted with a valid anti-forgery token from a page the user may see is still refused.
        var post = await WebTestHost.PostFormAsync(client, ownPage, $"{RulesPage}?handler=UpdateRule",
            new() { ["type"] = "Widerspruch", ["department"] = "32", ["minConfidence"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/status/403", PathOf(post.Headers.Location));
        var addLine = await WebTestHost.PostFormAsync(client, ownPage, $"{LinesPage}?handler=Add",
            new() { ["name"] = "x", ["folder"] = "x", ["separation"] = "blank-page" });
        Assert.Equal("/status/403", PathOf(addLine.Headers.Location));

        Assert.Equal(rulesBefore, await File.ReadAllBytesAsync(host.RulesPath));
        Assert.False(File.Exists(host.LinesPath));
        Assert.Empty(host.ConfigAudit());
    }

    private static string? PathOf(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    [Fact]
    public async Task Every_configuration_page_renders_for_an_admin_with_the_current_settings()
    {
        using var host = new ConfigWebHost();
        using var admin = await host.Web.SignInAsync(ConfigWebHost.Admin);

        var rules = await ConfigWebHost.TextAsync(await admin.GetAsync(RulesPage));
        Assert.Contains("Bußgeld-Einspruch", rules);
        Assert.Contains("value=\"0,7\"", rules);
        var departments = await ConfigWebHost.TextAsync(await admin.GetAsync(DepartmentsPage));
        Assert.Contains("Umweltamt", departments);
        Assert.Contains("die Regeln für Baumfällantrag leiten Post an ihn", departments);
        var lines = await ConfigWebHost.TextAsync(await admin.GetAsync(LinesPage));
        Assert.Contains("scanstrasse-1", lines);
        Assert.Contains("kommen zurzeit aus den Einstellungen", lines);
        Assert.Contains(host.HotFolderRoot, lines);
        Assert.Contains("Noch keine Version gespeichert.", await ConfigWebHost.TextAsync(await admin.GetAsync(HistoryPage)));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using ScanPipeline.Classification.Models;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Models;

/// <summary>The admin models page shows the versions with their metrics, and only to admins.</summary>
public sealed partial class ModelsPageTests
{
    [Fact]
    public async Task Lists_the_shipped_model_as_active_with_its_per_type_table_and_confusion_heat_map()
    {
        using var host = new WebTestHost();
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("admin");
        var response = await client.GetAsync("/admin/models");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var manifest = new ModelRegistry(Repository.Path("models")).ListVersions().Single().Manifest;
        var version = ModelsTestData.ShippedVersion;
        Assert.Equal(manifest.Version, version);
        // The versions table marks the active one and offers no promotion for it.
        var row = Section(page, $"<tr id=\"version-{version}\"", "</tr>");
        Assert.Contains("aktiv", row);
        Assert.DoesNotContain("freigeben", row);
        Assert.Contains($"Kennzahlen von Version {version}", page);

        // Per-type table: every document type of the manifest with its validation figures, German number format.
        var perClass = Section(page, "<table id=\"per-class-metrics\">", "</table>");
        Assert.Contains("<caption>Präzision, Trefferquote und F1 je Dokumentart</caption>", perClass);
        foreach (var label in manifest.Labels)
        {
            var metrics = manifest.Validation.PerClass[label];
            Assert.Contains($"<th scope=\"row\">{label}</th>", perClass);
            Assert.Contains($"<td class=\"number\">{metrics.F1.ToString("F3", Culture)}</td>", perClass);
            Assert.Contains($"<td class=\"number\">{metrics.Support}</td>", perClass);
        }
        Assert.Equal(manifest.Labels.Count, RowHeader().Matches(perClass).Count);

        // The heat map: an SVG image with a text alternative, one cell per pair of types, the counts printed in it.
        var svg = Section(page, "<svg id=\"confusion-heatmap\"", "</svg>");
        Assert.Contains("role=\"img\"", svg);
        Assert.Contains("aria-labelledby=\"confusion-title confusion-desc\"", svg);
        Assert.Contains($"<title id=\"confusion-title\">Verwechslungsmatrix von Version {version} als Heatmap</title>", svg);
        var total = manifest.Validation.Confusion.Matrix.Sum(r => r.Sum());
        Assert.Contains($"{total} Dokumente, davon {total} richtig erkannt. Keine Verwechslungen.", svg);
        var cells = CellRect().Matches(svg);
        Assert.Equal(manifest.Labels.Count * manifest.Labels.Count, cells.Count);
        // The shipped model made no mistake in validation: the diagonal is fully blue, everything else white.
        Assert.Equal(manifest.Labels.Count, cells.Count(c => c.Groups[1].Value == "#0b3d66"));
        Assert.Equal(cells.Count - manifest.Labels.Count, cells.Count(c => c.Groups[1].Value == "#ffffff"));
        Assert.DoesNotContain("style=", svg);

        // The same numbers as a table.
        var matrix = Section(page, "<table id=\"confusion-matrix\">", "</table>");
        Assert.Equal(manifest.Labels.Count, RowHeader().Matches(matrix).Count);
        var numbers = Regex.Matches(matrix, "<td class=\"number[^\"]*\">([0-9]+)</td>").Select(m => int.Parse(m.Groups[1].Value));
        Assert.Equal(manifest.Validation.Confusion.Matrix.SelectMany(r => r), numbers);

        // No activation history yet beyond the pointer's own entry; nothing to roll back to.
        Assert.Contains("<table id=\"model-activations\">", page);
        Assert.DoesNotContain("handler=Rollback", page);
        Assert.Contains("handler=Train", page);

        // Without a job the status partial offers the start and tells htmx (status 286) that there is nothing to poll.
        var status = await client.GetAsync("/admin/models?handler=TrainingStatus");
        Assert.Equal(286, (int)status.StatusCode);
        var partial = WebUtility.HtmlDecode(await status.Content.ReadAsStringAsync());
        Assert.Contains("Seit dem Start des Webdienstes wurde kein Training gestartet.", partial);
        Assert.Contains("name=\"__RequestVerificationToken\"", partial);
        Assert.DoesNotContain("<html", partial);
    }

    [Fact]
    public async Task Shows_the_metrics_of_the_version_asked_for_and_404_for_an_unknown_one()
    {
        using var host = new WebTestHost();
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("admin");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/models?version={ModelsTestData.ShippedVersion}"));
        Assert.Contains($"Kennzahlen von Version {ModelsTestData.ShippedVersion}</h2>", page);
        Assert.Contains("5-fache Kreuzvalidierung über 900 Trainingstexte", page);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/models?version=2099-01-01-000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/models?version=..%2F..%2Fetc")).StatusCode);
    }

    [Fact]
    public async Task English_is_available()
    {
        using var host = new WebTestHost();
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("admin");
        var response = await WebTestHost.PostFormAsync(client, "/admin/models", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/admin/models" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/models"));
        Assert.Contains("<caption>Precision, recall and F1 per document type</caption>", page);
        Assert.Contains($"Confusion matrix of version {ModelsTestData.ShippedVersion} as a heat map", page);
    }

    [Theory]
    [InlineData(UserRoles.CaseWorker)]
    [InlineData(UserRoles.Operator)]
    public async Task Case_workers_and_operators_are_refused(string role)
    {
        using var host = new WebTestHost();
        var modelsDirectory = ModelsTestData.UseCopyOfModels(host);
        host.AddUser("someone", role, role == UserRoles.CaseWorker ? ["20"] : []);
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("someone");
        using var admin = await host.SignInAsync("admin");
        var pointer = ModelsTestData.ActivePointer(modelsDirectory);

        foreach (var url in new[] { "/admin/models", "/admin/models?handler=TrainingStatus" })
            AssertForbidden(await client.GetAsync(url));
        // The forms' posts, each with a valid anti-forgery token of this user (taken from a page they may see).
        var ownPage = role == UserRoles.CaseWorker ? "/inbox" : "/verification";
        foreach (var handler in new[] { "Train", "Promote", "Rollback" })
            AssertForbidden(await WebTestHost.PostFormAsync(client, ownPage, $"/admin/models?handler={handler}",
                new() { ["version"] = ModelsTestData.ShippedVersion }));

        Assert.Equal(pointer, ModelsTestData.ActivePointer(modelsDirectory));
        Assert.Null(host.Get<ScanPipeline.Web.ModelAdmin.ModelTrainingJob>().Status);
        Assert.DoesNotContain(host.Get<MetadataStore>().ListRecentAudit(50), e => e.Action.StartsWith("model-", StringComparison.Ordinal));
    }

    /// <summary>A signed-in user without the role is sent to the 403 page (the cookie handler's access-denied path), which answers 403.</summary>
    private static void AssertForbidden(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/status/403", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }

    private static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("de");

    private static string Section(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not on the page");
        var to = page.IndexOf(end, from, StringComparison.Ordinal);
        return page[from..(to + end.Length)];
    }

    [GeneratedRegex("<th scope=\"row\">")]
    private static partial Regex RowHeader();

    [GeneratedRegex("<rect [^>]*fill=\"(#[0-9a-f]{6})\"")]
    private static partial Regex CellRect();
}

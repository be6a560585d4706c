using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ScanPipeline.Classification.Models;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Web.ModelAdmin;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Models;

/// <summary>
/// Training from the admin page: a background job in the web process on a tiny corpus (three document types,
/// three letters each) plus a recorded correction; its progress partial, polled as htmx polls it, and the result.
/// </summary>
public sealed partial class ModelTrainingPageTests
{
    private const string StatusUrl = "/admin/models?handler=TrainingStatus";

    [Fact]
    public async Task Trains_from_the_corpus_and_the_corrections_reports_its_phases_and_does_not_activate_the_new_version()
    {
        using var host = new WebTestHost();
        var models = ModelsTestData.UseCopyOfModels(host);
        host.Settings["Classification:TrainingDataDirectory"] = ModelsTestData.TrainingSubset(
            Path.Combine(host.DataDirectory, "training"), 3, "Bauantrag", "Rechnung", "Widerspruch");
        host.AddUser("admin", UserRoles.Admin);
        // An operator's decision: a letter the model took for a Beschwerde is a Widerspruch. It becomes a fourth Widerspruch example.
        var id = await host.FileDocumentAsync("09-widerspruch-g4.tif", "Beschwerde", "verification", confidence: 0.41);
        Assert.True(host.Get<DocumentCorrections>().Verify(id, "Widerspruch", "poststelle").Succeeded);
        var pointer = ModelsTestData.ActivePointer(models);
        using var client = await host.SignInAsync("admin");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/models"));
        Assert.Contains("und 1 Korrekturen aus Klärfällen und Weiterleitungen", page);
        Assert.Contains("Seit dem Start des Webdienstes wurde kein Training gestartet.", page);
        var start = await WebTestHost.PostFormAsync(client, "/admin/models", "/admin/models?handler=Train", new());
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/admin/models#training", start.Headers.Location?.OriginalString);

        // While the job runs the page polls the status partial every 2 s (unless it has finished already).
        page = await client.GetStringAsync("/admin/models");
        Assert.True(page.Contains($"hx-get=\"{StatusUrl}\" hx-trigger=\"every 2s\"", StringComparison.Ordinal)
                    || host.Get<ModelTrainingJob>().Status is { IsRunning: false });

        // Poll faster than the page does, until the answer says stop (286), and note every phase seen on the way.
        var seen = new List<string>();
        string partial;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(StatusUrl);
            partial = Text(await response.Content.ReadAsStringAsync());
            var phase = JobPhase().Match(partial).Groups[1].Value;
            if (seen.LastOrDefault() != phase) seen.Add(phase);
            if ((int)response.StatusCode == 286) break;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "training did not finish in 2 minutes");
            Assert.DoesNotContain("Training starten", partial); // no second start while one runs
            await Task.Delay(100);
        }
        Assert.Contains("ChoosingTrainer", seen);
        Assert.Equal("Completed", seen[^1]);

        // The finished job lists every phase it went through, in order, and the new version.
        Assert.Equal(
            ["ReadingData", "Preparing", "ChoosingTrainer", "Calibrating", "FinalFit", "Storing", "Completed"],
            PhaseRow().Matches(partial).Select(m => m.Groups[1].Value));
        var status = host.Get<ModelTrainingJob>().Status!;
        var version = status.Version!;
        Assert.Contains($"Fertig: neue Version {version}, nicht aktiviert.", partial);
        Assert.Contains("9 Texte aus dem Ordner, 1 aus Korrekturen, 0 Dateien übersprungen.", partial);
        Assert.Contains("Training starten", partial);

        var registry = new ModelRegistry(models);
        var manifest = registry.ReadState().Find(version)!.Manifest;
        Assert.Equal(new Dictionary<string, int> { ["Bauantrag"] = 3, ["Rechnung"] = 3, ["Widerspruch"] = 4 }, manifest.ExampleCounts);
        Assert.Equal(pointer, ModelsTestData.ActivePointer(models)); // stored, not activated

        var audit = host.Get<MetadataStore>().ListRecentAudit(20).Where(e => e.Action == AuditAction.ModelTrain).Reverse().ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, e => Assert.Equal("admin", e.Actor));
        Assert.StartsWith("started: ", audit[0].Detail);
        Assert.StartsWith($"stored {version} (not activated): 10 examples, 1 from corrections", audit[1].Detail);

        // The page now lists the new version, ready to be promoted, and shows its metrics on request.
        page = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/models?version={version}"));
        Assert.Contains($"aria-label=\"Version {version} freigeben\"", page);
        Assert.Contains($"Kennzahlen von Version {version}</h2>", page);
        Assert.DoesNotContain("hx-trigger=", page);

        // Nothing new to learn from: the same data on the same day would give the same version, which is said at once.
        var again = await TrainUntilFinishedAsync(client);
        Assert.Contains($"Das Training ist fehlgeschlagen: Version {version} gibt es schon: mit denselben Daten wurde heute bereits trainiert.", again);
        Assert.Equal(["ReadingData", "Failed"], PhaseRow().Matches(again).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task A_missing_training_folder_fails_in_german_without_an_error_page()
    {
        using var host = new WebTestHost();
        var models = ModelsTestData.UseCopyOfModels(host);
        var missing = Path.Combine(host.DataDirectory, "no-such-folder");
        host.Settings["Classification:TrainingDataDirectory"] = missing;
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("admin");

        var partial = await TrainUntilFinishedAsync(client);
        Assert.Contains($"Das Training ist fehlgeschlagen: Der Ordner mit den Trainingsdaten fehlt: {missing}", partial);
        Assert.Equal(["ReadingData", "Failed"], PhaseRow().Matches(partial).Select(m => m.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/models")).StatusCode);
        Assert.Single(new ModelRegistry(models).ListVersions());
        var outcome = host.Get<MetadataStore>().ListRecentAudit(1).Single();
        Assert.Equal((AuditAction.ModelTrain, $"failed: DataFolderMissing {missing}"), (outcome.Action, outcome.Detail));
    }

    [Fact]
    public async Task A_document_type_with_one_letter_fails_naming_the_type()
    {
        using var host = new WebTestHost();
        ModelsTestData.UseCopyOfModels(host);
        var data = ModelsTestData.TrainingSubset(Path.Combine(host.DataDirectory, "training"), 2, "Bauantrag");
        ModelsTestData.TrainingSubset(data, 1, "Rechnung");
        host.Settings["Classification:TrainingDataDirectory"] = data;
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("admin");

        var partial = await TrainUntilFinishedAsync(client);
        Assert.Contains("Jede Dokumentart braucht mindestens zwei Texte. Zu wenige haben: Rechnung.", partial);
        Assert.Equal(ModelTrainingFailure.TooFewExamples, host.Get<ModelTrainingJob>().Status!.Failure);
    }

    /// <summary>Starts a job and polls its status until it has finished; returns the last status partial as <see cref="Text"/>.</summary>
    private static async Task<string> TrainUntilFinishedAsync(HttpClient client)
    {
        var start = await WebTestHost.PostFormAsync(client, "/admin/models", "/admin/models?handler=Train", new());
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(StatusUrl);
            if ((int)response.StatusCode == 286) return Text(await response.Content.ReadAsStringAsync());
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the job did not finish");
            await Task.Delay(50);
        }
    }

    /// <summary>HTML-decoded, with runs of white space as one space.</summary>
    private static string Text(string html) => Whitespace().Replace(WebUtility.HtmlDecode(html), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<div class=\"training-job\" data-phase=\"([A-Za-z]+)\"")]
    private static partial Regex JobPhase();

    [GeneratedRegex("<tr data-phase=\"([A-Za-z]+)\">")]
    private static partial Regex PhaseRow();
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Models;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Models;

/// <summary>
/// Promotion through the gate (candidate and active model measured on the same 300 held-out letters) and rollback,
/// from the admin page, on a private copy of the models folder holding the shipped model and a weak one.
/// </summary>
public sealed class ModelPromotionPageTests(WeakModelFixture weak) : IClassFixture<WeakModelFixture>
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    [Fact]
    public async Task Promoting_a_worse_model_is_refused_with_both_held_out_scores()
    {
        using var host = new WebTestHost();
        var models = ModelsTestData.UseCopyOfModels(host);
        weak.CopyInto(models);
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("admin");
        var pointer = ModelsTestData.ActivePointer(models);
        var shipped = ModelsTestData.ShippedVersion;

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/models"));
        Assert.Contains($"aria-label=\"Version {weak.Version} freigeben\"", page);

        var response = await WebTestHost.PostFormAsync(client, "/admin/models", "/admin/models?handler=Promote", new() { ["version"] = weak.Version });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var (weakF1, shippedF1) = HeldOutMacroF1(models, weak.Version, shipped);
        Assert.True(weakF1 < shippedF1, $"{weakF1} < {shippedF1}");
        Assert.Equal(
            $"Version {weak.Version} wurde nicht freigegeben: ihr Makro-F1 auf 300 Testtexten ist {weakF1.ToString("F4", German)}, " +
            $"der der aktiven Version {shipped} ist {shippedF1.ToString("F4", German)}.",
            ModelsTestData.Error(await response.Content.ReadAsStringAsync()));

        Assert.Equal(pointer, ModelsTestData.ActivePointer(models));
        Assert.DoesNotContain(host.Get<MetadataStore>().ListRecentAudit(20), e => e.Action == AuditAction.ModelPromote);
    }

    [Fact]
    public async Task Promoting_a_better_model_activates_it_audited_and_rollback_goes_back()
    {
        using var host = new WebTestHost();
        var models = ModelsTestData.UseCopyOfModels(host);
        weak.CopyInto(models);
        var shipped = ModelsTestData.ShippedVersion;
        // Set-up: the weak model is the active one (as after a forced promotion on the command line).
        new ModelRegistry(models).Activate(weak.Version, "test set-up");
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("admin");

        var promote = await WebTestHost.PostFormAsync(client, "/admin/models", "/admin/models?handler=Promote", new() { ["version"] = shipped });
        Assert.Equal(HttpStatusCode.Redirect, promote.StatusCode);
        var (weakF1, shippedF1) = HeldOutMacroF1(models, weak.Version, shipped);
        var page = await client.GetStringAsync("/admin/models");
        Assert.Equal(
            $"Version {shipped} ist jetzt aktiv: Makro-F1 {shippedF1.ToString("F4", German)} auf 300 Testtexten, " +
            $"die bisher aktive Version {weak.Version} erreichte {weakF1.ToString("F4", German)}.",
            ModelsTestData.Notice(page));
        var (active, history) = ReadPointer(models);
        Assert.Equal(shipped, active);
        Assert.Equal(weak.Version, history[0]);
        var promoted = Assert.Single(host.Get<MetadataStore>().ListRecentAudit(20), e => e.Action == AuditAction.ModelPromote);
        Assert.Equal("admin", promoted.Actor);
        Assert.Equal(FormattableString.Invariant($"{shipped}: held-out macro-F1 {shippedF1:F4} on 300 texts; {weak.Version} had {weakF1:F4}"),
            promoted.Detail);

        // The activation history and a rollback button naming the version it goes back to.
        page = WebUtility.HtmlDecode(page);
        Assert.Contains($"Zurück zu Version {weak.Version}</button>", page);
        var rollback = await WebTestHost.PostFormAsync(client, "/admin/models", "/admin/models?handler=Rollback", new());
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        Assert.Equal($"Zurückgesetzt: Version {weak.Version} ist wieder aktiv (statt {shipped}).",
            ModelsTestData.Notice(await client.GetStringAsync("/admin/models")));
        Assert.Equal(weak.Version, ReadPointer(models).Active);
        var rolledBack = Assert.Single(host.Get<MetadataStore>().ListRecentAudit(20), e => e.Action == AuditAction.ModelRollback);
        Assert.Equal(("admin", $"{shipped} -> {weak.Version}"), (rolledBack.Actor, rolledBack.Detail));
    }

    [Fact]
    public async Task Unknown_and_already_active_versions_are_not_promoted_and_without_history_there_is_no_rollback()
    {
        using var host = new WebTestHost();
        var models = ModelsTestData.UseCopyOfModels(host);
        host.AddUser("admin", UserRoles.Admin);
        using var client = await host.SignInAsync("admin");
        var pointer = ModelsTestData.ActivePointer(models);

        var unknown = await WebTestHost.PostFormAsync(client, "/admin/models", "/admin/models?handler=Promote", new() { ["version"] = "../models" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Die Version ../models gibt es nicht.", ModelsTestData.Error(await unknown.Content.ReadAsStringAsync()));

        var active = await WebTestHost.PostFormAsync(client, "/admin/models", "/admin/models?handler=Promote",
            new() { ["version"] = ModelsTestData.ShippedVersion });
        Assert.Equal(HttpStatusCode.Redirect, active.StatusCode);
        Assert.Equal($"Version {ModelsTestData.ShippedVersion} ist bereits aktiv.", ModelsTestData.Notice(await client.GetStringAsync("/admin/models")));

        var rollback = await WebTestHost.PostFormAsync(client, "/admin/models", "/admin/models?handler=Rollback", new());
        Assert.Equal(HttpStatusCode.Conflict, rollback.StatusCode);
        Assert.StartsWith("Zurücksetzen ist nicht möglich", ModelsTestData.Error(await rollback.Content.ReadAsStringAsync()));

        Assert.Equal(pointer, ModelsTestData.ActivePointer(models));
        Assert.DoesNotContain(host.Get<MetadataStore>().ListRecentAudit(20), e => e.Action.StartsWith("model-", StringComparison.Ordinal));
    }

    /// <summary>What the gate measures, measured here independently: both models' macro-F1 on the held-out letters.</summary>
    private static (double First, double Second) HeldOutMacroF1(string models, string first, string second)
    {
        var heldOut = LabeledFolder.LoadTextFilesAsync(Repository.Path("samples/training/test")).GetAwaiter().GetResult().Examples;
        Assert.Equal(300, heldOut.Count);
        var registry = new ModelRegistry(models);
        using var a = registry.Load(first);
        using var b = registry.Load(second);
        return (ModelEvaluator.Evaluate(a, heldOut).MacroF1, ModelEvaluator.Evaluate(b, heldOut).MacroF1);
    }

    private static (string Active, List<string> History) ReadPointer(string models)
    {
        using var json = JsonDocument.Parse(ModelsTestData.ActivePointer(models));
        return (json.RootElement.GetProperty("version").GetString()!,
            json.RootElement.GetProperty("previous").EnumerateArray().Select(p => p.GetProperty("version").GetString()!).ToList());
    }
}

using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Web.Resources;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>The models page in Chromium, on the real server: an admin promotes a model version through the gate.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly string _models = Path.Combine(Path.GetTempPath(), "scanpipe-browser-models-" + Guid.NewGuid().ToString("N")[..8]);

    // Written against the models page's contract: /admin/models lists the versions, each with a button whose
    // accessible name is "Version <v> freigeben"; it posts through the promotion gate, and afterwards
    // models/active.json names <v>.
    [RequiresBrowserFact]
    public async Task An_admin_promotes_a_model_version_through_the_gate()
    {
        var (active, candidate) = CopyModelsWithACandidate();
        using var host = new WebTestHost();
        host.Settings["Classification:ModelsDirectory"] = _models;
        host.Settings["Classification:HeldOutDirectory"] = Repository.Path("samples/training/test");
        var baseUrl = host.StartOnKestrel();
        host.AddUser("ada", UserRoles.Admin);
        await using var session = await browser.NewSessionAsync(baseUrl, "admin-promotes", output);
        var page = session.Page;

        await session.SignInWithKeyboardAsync("ada");

        // An admin's start page is the models page.
        await session.WaitForPathAsync("/admin/models");
        await session.CheckPageAsync("models");
        await session.AssertSkipLinkWorksAsync();
        Assert.Equal(active, ActiveVersion());
        var promote = page.GetByRole(AriaRole.Button, new() { Name = $"Version {candidate} freigeben", Exact = true });
        await session.TabToAsync(promote, maxTabs: 100);
        await session.SubmitWithKeyAsync();

        // The gate measured both versions on the held-out texts; the candidate is as good, so it passed.
        await session.WaitForPathAsync("/admin/models");
        Assert.Equal(candidate, ActiveVersion());
        await session.CheckPageAsync("models-after-promotion");
    }

    [RequiresBrowserFact]
    public async Task The_configuration_pages_are_reached_from_the_navigation_and_pass_the_accessibility_check()
    {
        using var host = new WebTestHost();
        var baseUrl = host.StartOnKestrel();
        host.AddUser("ada", UserRoles.Admin);
        await using var session = await browser.NewSessionAsync(baseUrl, "admin-configuration", output);
        var page = session.Page;

        await session.SignInWithKeyboardAsync("ada");
        await session.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = Text.De(nameof(WebTexts.Nav_Config)) }));
        await page.Keyboard.PressAsync("Enter");
        await session.WaitForPathAsync("/admin/config");
        await session.CheckPageAsync("config-rules");
        await session.AssertSkipLinkWorksAsync();

        // The configuration's own navigation: departments, scanner lines, history. Read only: nothing is saved.
        foreach (var (path, name) in new[] { ("/admin/config/departments", "config-departments"),
                     ("/admin/config/scanner-lines", "config-scanner-lines"), ("/admin/config/history", "config-history") })
        {
            await session.TabToAsync(page.Locator($"nav.config-nav a[href='{path}']"));
            await page.Keyboard.PressAsync("Enter");
            await session.WaitForPathAsync(path);
            await Assertions.Expect(page.Locator($"nav.config-nav a[href='{path}']")).ToHaveAttributeAsync("aria-current", "page");
            await session.CheckPageAsync(name);
        }
    }

    /// <summary>
    /// A models folder of its own: the shipped version, active, and a copy of it under a newer name (a
    /// candidate exactly as good, which the gate lets through). Returns both names.
    /// </summary>
    private (string Active, string Candidate) CopyModelsWithACandidate()
    {
        var shipped = JsonNode.Parse(File.ReadAllText(Repository.Path("models/active.json")))!["version"]!.GetValue<string>();
        var candidate = shipped + "-candidate";
        CopyFolder(Repository.Path(Path.Combine("models", shipped)), Path.Combine(_models, shipped));
        CopyFolder(Repository.Path(Path.Combine("models", shipped)), Path.Combine(_models, candidate));
        File.Copy(Repository.Path("models/active.json"), Path.Combine(_models, "active.json"));
        var manifestPath = Path.Combine(_models, candidate, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["version"] = candidate;
        manifest["createdAt"] = DateTimeOffset.UtcNow.ToString("O");
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        return (shipped, candidate);
    }

    private string? ActiveVersion() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(_models, "active.json")))?["version"]?.GetValue<string>();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_models)) Directory.Delete(_models, recursive: true);
    }
}

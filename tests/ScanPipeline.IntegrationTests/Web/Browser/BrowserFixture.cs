using Microsoft.Playwright;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>All browser tests share one Chromium (started once, ~1 s) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Debian's chromium driven through Playwright (its own node driver, no browser download). Each test gets a
/// fresh context (its own cookies) from <see cref="NewSessionAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Known to work on this kind of machine: without the background-networking flags Chromium keeps trying
    // Google's hosts, which the closed network refuses. Playwright gives the browser a new, empty profile.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The content of axe-core's axe.min.js, read once.</summary>
    public string AxeScript { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // When the tests are skipped (no chromium on a developer machine) there is nothing to start.
        if (BrowserPresence.SkipReason is not null) return;
        if (!File.Exists(BrowserPresence.ChromiumPath))
            throw new InvalidOperationException($"{BrowserPresence.ChromiumPath} is missing: bash scripts/setup.sh installs Debian's chromium.");
        if (!File.Exists(BrowserPresence.AxeScriptPath))
            throw new InvalidOperationException($"{BrowserPresence.AxeScriptPath} is missing: bash scripts/setup.sh runs npm ci for the browser tests.");
        AxeScript = await File.ReadAllTextAsync(BrowserPresence.AxeScriptPath);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserPresence.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A new browser context on <paramref name="baseUrl"/> (the test server's self-signed HTTPS) and its page.</summary>
    public async Task<BrowserSession> NewSessionAsync(string baseUrl, string scenario, ITestOutputHelper output)
    {
        if (_browser is null) throw new InvalidOperationException("The browser was not started: " + BrowserPresence.SkipReason);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            IgnoreHTTPSErrors = true,
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Upper bounds only: CI shares 2 cores with the other integration tests, which run at the same time.
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, AxeScript, scenario, output);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Web.Resources;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>
/// One user's browser (a context with its own cookies) in one scenario. <see cref="CheckPageAsync"/> is called
/// on every page the scenario visits: it saves a full-page screenshot as a test artefact and runs axe-core on
/// the page. Errors the page reports (console errors, Content-Security-Policy refusals, script exceptions)
/// fail the scenario too.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IBrowserContext _context;
    private readonly string _axeScript;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _pageErrors = [];
    private int _screenshots;

    internal BrowserSession(IBrowserContext context, IPage page, string axeScript, string scenario, ITestOutputHelper output)
    {
        _context = context;
        _axeScript = axeScript;
        _output = output;
        Page = page;
        ScreenshotFolder = Path.Combine(ArtifactsRoot, "screenshots", scenario);
        if (Directory.Exists(ScreenshotFolder)) Directory.Delete(ScreenshotFolder, recursive: true);
        Directory.CreateDirectory(ScreenshotFolder);
        // A failed load is reported below with its address; the console's own line for it names none.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _pageErrors.Add($"console error on {page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => _pageErrors.Add($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) => _pageErrors.Add($"request failed: {request.Method} {request.Url}: {request.Failure}");
        // The site has no icon; Chromium asks for /favicon.ico on its own, which is not a request of the pages.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && new Uri(response.Url).AbsolutePath != "/favicon.ico")
                _pageErrors.Add($"{response.Request.Method} {response.Url} answered {response.Status} (on {page.Url})");
        };
    }

    public IPage Page { get; }

    /// <summary>The context's request client: it shares the signed-in user's cookies.</summary>
    public IAPIRequestContext Requests => _context.APIRequest;

    public string ScreenshotFolder { get; }

    /// <summary>$SCANPIPE_ARTIFACTS, else var/test-results in the repository (scripts/test.sh's results folder).</summary>
    public static string ArtifactsRoot =>
        Environment.GetEnvironmentVariable("SCANPIPE_ARTIFACTS") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Repository.Path("var/test-results");

    /// <summary>
    /// Saves a full-page screenshot named <paramref name="name"/>, then checks the page with axe-core:
    /// any violation of impact "serious" or "critical" fails, with the rule, its help and the offending nodes.
    /// </summary>
    public async Task CheckPageAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var path = Path.Combine(ScreenshotFolder, $"{++_screenshots:00}-{name}.png");
        var time = Stopwatch.StartNew();
        await ScreenshotWholePageAsync(path);
        var screenshotTime = time.Elapsed;
        var violations = await RunAxeAsync();
        _output.WriteLine($"screenshot {path} ({Page.Url}; screenshot {screenshotTime.TotalSeconds:F1} s, axe {(time.Elapsed - screenshotTime).TotalSeconds:F1} s)");
        foreach (var violation in violations)
            _output.WriteLine($"axe {violation.Impact}: {violation.Id} on {Page.Url} ({violation.Nodes.Count} nodes)");
        var blocking = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, Describe(blocking));
        // The page fits the window's width: no sideways scrolling at 1280 pixels.
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{Page.Url} is {overflow} px wider than the window");
        Assert.True(_pageErrors.Count == 0, "The page reported errors:\n" + string.Join("\n", _pageErrors));
    }

    /// <summary>
    /// A screenshot of the whole page. Playwright's full-page screenshot leaves out what Chromium draws in
    /// other processes (the PDF viewer's frame shows empty), so the viewport is made as tall as the page for a
    /// moment instead.
    /// </summary>
    private async Task ScreenshotWholePageAsync(string path)
    {
        var viewport = Page.ViewportSize!;
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        if (height > viewport.Height) await Page.SetViewportSizeAsync(viewport.Width, height);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (height > viewport.Height) await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }

    private async Task<IReadOnlyList<AxeViolation>> RunAxeAsync()
    {
        // Evaluated through the DevTools protocol, not added as a <script>: the pages' Content-Security-Policy
        // refuses inline scripts, and it stays switched on so that the tests see what a user's browser enforces.
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await Page.EvaluateAsync(_axeScript);
        // The PDF frame is Chromium's own viewer, not our markup: axe checks this document only.
        var json = await Page.EvaluateAsync<string>("""
            async () => {
                const result = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, failureSummary: n.failureSummary })),
                })));
            }
            """);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, Json) ?? [];
    }

    private string Describe(IReadOnlyList<AxeViolation> violations)
    {
        var text = new StringBuilder($"axe-core found {violations.Count} serious or critical violation(s) on {Page.Url}:\n");
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes)
                text.AppendLine($"    {node.Target}: {node.Html}\n      {node.FailureSummary?.ReplaceLineEndings(" ")}");
        }
        return text.ToString();
    }

    /// <summary>
    /// Chromium shows a PDF in its own viewer, a frame of its PDF extension inside the PDF's frame. Waits until
    /// that viewer has loaded the document (its progress bar at 100) and drawn it, and returns the page count it shows.
    /// The element names are the viewer's own (Chromium 156); a new Chromium may rename them.
    /// </summary>
    public async Task<int> WaitForPdfViewerAsync()
    {
        var waited = Stopwatch.StartNew();
        IFrame? viewer;
        while ((viewer = Page.Frames.FirstOrDefault(f => f.Url.StartsWith("chrome-extension://", StringComparison.Ordinal))) is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"No PDF viewer appeared on {Page.Url}");
            await Task.Delay(50);
        }
        await viewer.Locator("cr-progress#progress[aria-valuenow='100']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // The first page's thumbnail is drawn once the pages are: the screenshot then shows the document.
        await viewer.Locator("viewer-thumbnail[painted]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return await viewer.Locator("viewer-toolbar").EvaluateAsync<int>("toolbar => toolbar.docLength");
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus (at most <paramref name="maxTabs"/> times), then
    /// asserts that the focus is visible (<see cref="AssertFocusVisibleAsync"/>).
    /// </summary>
    public async Task TabToAsync(ILocator target, int maxTabs = 40)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                await AssertFocusVisibleAsync(target);
                return;
            }
        }
        Assert.Fail($"{target} was not reached with {maxTabs} presses of Tab on {Page.Url}");
    }

    /// <summary>
    /// The focus is visible: the element matches :focus-visible and draws an outline or a ring (box-shadow) of
    /// which at least one colour has a contrast of 3:1 against the background around the element (WCAG 2.1
    /// 1.4.11 for the focus indicator).
    /// </summary>
    public static async Task AssertFocusVisibleAsync(ILocator target)
    {
        var problem = await target.EvaluateAsync<string>("""
            element => {
                const s = getComputedStyle(element);
                const parse = text => {
                    const m = /rgba?\(([^)]+)\)/.exec(text ?? '');
                    if (!m) return null;
                    const [r, g, b, a = 1] = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
                    return { r, g, b, a };
                };
                const luminance = ({ r, g, b }) => {
                    const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
                    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
                };
                const contrast = (x, y) => {
                    const [a, b] = [luminance(x), luminance(y)];
                    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                };
                let background = null;
                for (let e = element.parentElement; e && !background; e = e.parentElement) {
                    const c = parse(getComputedStyle(e).backgroundColor);
                    if (c && c.a > 0) background = c;
                }
                background ??= { r: 255, g: 255, b: 255, a: 1 };
                const colours = [];
                if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) colours.push(parse(s.outlineColor));
                if (s.boxShadow && s.boxShadow !== 'none') for (const m of s.boxShadow.matchAll(/rgba?\([^)]+\)/g)) colours.push(parse(m[0]));
                const best = Math.max(0, ...colours.filter(c => c && c.a > 0).map(c => contrast(c, background)));
                if (!element.matches(':focus-visible')) return 'the element does not match :focus-visible';
                if (colours.length === 0) return `no outline and no ring (outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow})`;
                return best >= 3 ? '' : `the indicator's best contrast against the background is ${best.toFixed(2)}:1 (outline ${s.outlineColor}, box-shadow ${s.boxShadow})`;
            }
            """);
        Assert.True(problem.Length == 0, $"The focus on {target} is not visible enough: {problem}");
    }

    /// <summary>
    /// The skip link: the first Tab on a freshly loaded page focuses it, visibly and on screen; Enter moves the focus to
    /// the main content.
    /// </summary>
    public async Task AssertSkipLinkWorksAsync()
    {
        var skipLink = Page.Locator("a.skip-link");
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await skipLink.EvaluateAsync<bool>("element => element === document.activeElement"),
            $"The first Tab on {Page.Url} does not reach the skip link");
        await AssertFocusVisibleAsync(skipLink);
        var box = await skipLink.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0, Width: > 0 }, $"The focused skip link is off screen on {Page.Url}");
        await Page.Keyboard.PressAsync("Enter");
        Assert.True(await Page.Locator("main#main").EvaluateAsync<bool>("element => element === document.activeElement"),
            $"The skip link on {Page.Url} does not move the focus to the main content");
    }

    /// <summary>
    /// Signs in on the login form from the keyboard only: Tab to the name field, type, Tab, type the password,
    /// Enter. The browser is then on the user's start page.
    /// </summary>
    public async Task SignInWithKeyboardAsync(string name, string password = WebTestHost.Password)
    {
        if (!Page.Url.Contains("/login", StringComparison.Ordinal)) await Page.GotoAsync("/login");
        await TabToAsync(Page.GetByLabel(Text.De(nameof(WebTexts.Login_Name))));
        await Page.Keyboard.TypeAsync(name);
        await TabToAsync(Page.GetByLabel(Text.De(nameof(WebTexts.Login_Password))), maxTabs: 1);
        await Page.Keyboard.TypeAsync(password);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>
    /// Presses <paramref name="key"/> on a focused form control and waits for the page the form's answer leads
    /// to (after a POST, the redirect's GET), also when that is the same address as before.
    /// </summary>
    public async Task SubmitWithKeyAsync(string key = "Enter")
    {
        // The next load event is the new document's: the one on screen has loaded already.
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await Page.Keyboard.PressAsync(key);
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    /// <summary>Waits for the browser to be on <paramref name="path"/> (with or without a query or fragment).</summary>
    public Task WaitForPathAsync(string path) =>
        Page.WaitForURLAsync(new Regex("^https://[^/]+" + Regex.Escape(path) + @"(\?[^#]*)?(#.*)?$"));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, List<AxeNode> Nodes);

    private sealed record AxeNode(string Target, string Html, string? FailureSummary);
}

using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>The check every browser test runs on its pages finds what it should: a page with known faults fails it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser, ITestOutputHelper output)
{
    [RequiresBrowserFact]
    public async Task A_page_with_an_unlabelled_field_and_an_image_without_text_fails_the_check()
    {
        // No server: the page is written into the browser directly.
        await using var session = await browser.NewSessionAsync("https://127.0.0.1", "accessibility-self-check", output);
        await session.Page.SetContentAsync("""
            <!DOCTYPE html>
            <html><head><title>Kaputt</title></head>
            <body><main><h1>Kaputt</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=">
            <input type="text">
            </main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<TrueException>(() => session.CheckPageAsync("faulty-page"));

        // The rule ids axe-core gives these faults (no lang on html, no alt text, no label), with the nodes.
        Assert.Contains("html-has-lang", failure.Message);
        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("label", failure.Message);
        Assert.Contains("<input type=\"text\"", failure.Message);
    }
}

using System.Globalization;
using Microsoft.Playwright;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Web.Resources;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>The verification station in Chromium, on the real server, worked from the keyboard only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [RequiresBrowserFact]
    public async Task An_operator_clears_two_Klaerfaelle_from_the_keyboard_with_key_1_and_with_the_type_search()
    {
        using var host = new WebTestHost();
        var baseUrl = host.StartOnKestrel();
        host.AddUser("otto", UserRoles.Operator);
        var now = DateTimeOffset.UtcNow;
        // The model's own top three, as the classify stage stores them: the first is right for this one ...
        var dogTax = await host.FileDocumentAsync("07-hundesteueranmeldung-scan.pdf", "Hundesteuer-Anmeldung", Routing.VerificationTarget,
            confidence: 0.45, receivedAt: now.AddHours(-2),
            topScores: [new ClassScore("Hundesteuer-Anmeldung", 0.45), new ClassScore("Rechnung", 0.31), new ClassScore("Bewerbung", 0.12)]);
        // ... and none of the three is right for this one: the operator searches the type.
        var treeFelling = await host.FileDocumentAsync("23-baumfaellantrag-scan.pdf", "Bauantrag", Routing.VerificationTarget,
            confidence: 0.41, receivedAt: now.AddHours(-1),
            topScores: [new ClassScore("Bauantrag", 0.41), new ClassScore("Beschwerde", 0.22), new ClassScore("Widerspruch", 0.15)]);
        await using var session = await browser.NewSessionAsync(baseUrl, "operator-verifies", output);
        var page = session.Page;

        await session.SignInWithKeyboardAsync("otto");

        // The queue, oldest first; the skip link leads straight to "Klärung beginnen".
        await session.WaitForPathAsync("/verification");
        await session.CheckPageAsync("verification-queue");
        await session.AssertSkipLinkWorksAsync();
        await session.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = Text.De(nameof(WebTexts.Verification_Start)) }), maxTabs: 1);
        await page.Keyboard.PressAsync("Enter");

        // First case: the thumbnails, the text and the model's three suggestions; key 1 takes the first.
        await session.WaitForPathAsync($"/verification/{dogTax}");
        var suggestions = page.Locator("button[data-shortcut]");
        await Assertions.Expect(suggestions).ToHaveCountAsync(3);
        await Assertions.Expect(suggestions.Nth(0)).ToContainTextAsync("Hundesteuer-Anmeldung");
        await Assertions.Expect(suggestions.Nth(1)).ToContainTextAsync("Rechnung");
        await Assertions.Expect(suggestions.Nth(2)).ToContainTextAsync("Bewerbung");
        await Assertions.Expect(page.Locator("pre.ocr-text")).ToContainTextAsync("Anmeldung eines Hundes zur Hundesteuer");
        await AssertThumbnailShownAsync(page);
        await session.CheckPageAsync("klaerfall-1");
        await page.Keyboard.PressAsync("1");

        // Straight on to the next case, with the decision confirmed. "/" jumps into the type search.
        await session.WaitForPathAsync($"/verification/{treeFelling}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            string.Format(CultureInfo.GetCultureInfo("de"), Text.De(nameof(WebTexts.Verification_Done)), "Hundesteuer-Anmeldung", "22"));
        await AssertThumbnailShownAsync(page);
        await session.CheckPageAsync("klaerfall-2");
        await page.Keyboard.PressAsync("/");
        var typeSearch = page.GetByLabel(Text.De(nameof(WebTexts.Verification_OtherType)));
        await Assertions.Expect(typeSearch).ToBeFocusedAsync();
        await BrowserSession.AssertFocusVisibleAsync(typeSearch);
        await page.Keyboard.TypeAsync("Baumfällantrag");
        await page.Keyboard.PressAsync("Enter");

        // The queue is empty.
        await session.WaitForPathAsync("/verification");
        await Assertions.Expect(page.GetByText(Text.De(nameof(WebTexts.Verification_Empty)))).ToBeVisibleAsync();
        await session.CheckPageAsync("verification-empty");

        var metadata = host.Get<MetadataStore>();
        Assert.Equal("22", metadata.FindInboxItem(dogTax)!.Department);
        Assert.Equal("70", metadata.FindInboxItem(treeFelling)!.Department);
        Assert.Equal(
            [
                (dogTax, "Hundesteuer-Anmeldung", "Hundesteuer-Anmeldung", Routing.VerificationTarget, "22", CorrectionSource.Verification, "otto"),
                (treeFelling, "Bauantrag", "Baumfällantrag", Routing.VerificationTarget, "70", CorrectionSource.Verification, "otto"),
            ],
            metadata.ListCorrections().Select(c => (c.DocumentId, c.PreviousType, c.CorrectedType, c.PreviousDepartment, c.Department, c.Source, c.Actor)));
    }

    [RequiresBrowserFact]
    public async Task The_dashboard_is_reached_from_the_main_navigation_and_passes_the_accessibility_check()
    {
        using var host = new WebTestHost();
        var baseUrl = host.StartOnKestrel();
        host.AddUser("otto", UserRoles.Operator);
        await host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20");
        await using var session = await browser.NewSessionAsync(baseUrl, "operator-dashboard", output);
        var page = session.Page;

        await session.SignInWithKeyboardAsync("otto");
        await session.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = Text.De(nameof(WebTexts.Nav_Dashboard)) }));
        await page.Keyboard.PressAsync("Enter");

        await session.WaitForPathAsync("/dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(DashboardTexts.ResourceManager.GetString(nameof(DashboardTexts.Dashboard_Title), CultureInfo.GetCultureInfo("de"))!);
        await session.CheckPageAsync("dashboard");
        await session.AssertSkipLinkWorksAsync();
    }

    /// <summary>The first page's thumbnail (pdftoppm on the server) has arrived and is a picture.</summary>
    private static async Task AssertThumbnailShownAsync(IPage page)
    {
        var thumbnail = page.Locator(".thumbnails img").First;
        await thumbnail.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("image => image.complete && image.naturalWidth > 0", await thumbnail.ElementHandleAsync());
    }
}

using System.Globalization;
using Microsoft.Playwright;
using ScanPipeline.Classification.Extraction;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Web.Resources;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>A case worker's Postkorb in Chromium, on the real server: sign-in, the document view, forwarding, the language switch.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseWorkerBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Sample = "13-bussgeldeinspruch-scan.pdf";

    [RequiresBrowserFact]
    public async Task A_case_worker_signs_in_opens_a_misfiled_document_and_forwards_it_to_the_right_department()
    {
        using var host = new WebTestHost();
        var baseUrl = host.StartOnKestrel();
        host.AddUser("anna", UserRoles.CaseWorker, "30");
        // An objection to a fine, filed by the model as a Widerspruch for the Rechtsamt (30); it belongs to the Ordnungsamt (32).
        var id = await host.FileDocumentAsync(Sample, "Widerspruch", "30", confidence: 0.82);
        await using var session = await browser.NewSessionAsync(baseUrl, "case-worker-forwards", output);
        var page = session.Page;

        // The start page asks for a sign-in; the form works from the keyboard.
        await page.GotoAsync("/");
        await session.WaitForPathAsync("/login");
        await session.CheckPageAsync("login");
        await session.AssertSkipLinkWorksAsync();
        await session.SignInWithKeyboardAsync("anna");

        await session.WaitForPathAsync("/inbox");
        await session.CheckPageAsync("inbox");
        var documentLink = page.Locator($"a[href='/documents/{id}']");
        await Assertions.Expect(documentLink).ToBeVisibleAsync();
        await session.TabToAsync(documentLink);
        await page.Keyboard.PressAsync("Enter");

        // The document view: the searchable PDF in a frame, the recognised text and the extracted fields.
        await session.WaitForPathAsync($"/documents/{id}");
        var frame = page.Locator($"iframe[src='/documents/{id}/pdf']");
        await Assertions.Expect(frame).ToBeVisibleAsync();
        await Assertions.Expect(frame).ToHaveAttributeAsync("title", Text.De(nameof(WebTexts.Document_PdfFrame)));
        Assert.Equal(1, await session.WaitForPdfViewerAsync());
        await session.CheckPageAsync("document");
        await session.AssertSkipLinkWorksAsync();
        var pdf = await session.Requests.GetAsync($"/documents/{id}/pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var text = await File.ReadAllTextAsync(Repository.Path("samples/scans/groundtruth/" + Sample + ".txt"));
        await Assertions.Expect(page.Locator("pre.ocr-text")).ToContainTextAsync("Einspruch gegen Bußgeldbescheid");
        var fileReference = Assert.Single(FieldExtractor.Extract(text).FileReferences);
        await Assertions.Expect(page.Locator("#document-fields")).ToContainTextAsync(fileReference);

        // Forward to the Ordnungsamt as a Bußgeld-Einspruch (the Ordnungsamt handles two types, so the type is named).
        await page.GetByLabel(Text.De(nameof(WebTexts.Document_ForwardLabel))).SelectOptionAsync("32");
        await page.GetByLabel(Text.De(nameof(WebTexts.Document_ForwardType))).SelectOptionAsync("Bußgeld-Einspruch");
        await page.GetByRole(AriaRole.Button, new() { Name = Text.De(nameof(WebTexts.Document_Forward)), Exact = true }).ClickAsync();

        // The document has left Anna's inbox: she is back on it, with the confirmation.
        await session.WaitForPathAsync("/inbox");
        await session.CheckPageAsync("inbox-after-forward");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            string.Format(CultureInfo.GetCultureInfo("de"), Text.De(nameof(WebTexts.Document_Forwarded)), "32", "Bußgeld-Einspruch"));
        await Assertions.Expect(documentLink).ToHaveCountAsync(0);

        var metadata = host.Get<MetadataStore>();
        Assert.Equal("32", metadata.FindInboxItem(id)!.Department);
        Assert.Contains(metadata.SearchInbox(new InboxQuery(["32"])).Items, row => row.Item.DocumentId == id);
        Assert.DoesNotContain(metadata.SearchInbox(new InboxQuery(["30"])).Items, row => row.Item.DocumentId == id);
        var correction = Assert.Single(metadata.ListCorrections());
        Assert.Equal((id, "Widerspruch", "Bußgeld-Einspruch", "30", "32", CorrectionSource.Reroute, "anna"),
            (correction.DocumentId, correction.PreviousType, correction.CorrectedType, correction.PreviousDepartment,
                correction.Department, correction.Source, correction.Actor));
    }

    [RequiresBrowserFact]
    public async Task The_English_button_switches_the_pages_to_English_and_the_German_one_back()
    {
        using var host = new WebTestHost();
        var baseUrl = host.StartOnKestrel();
        await using var session = await browser.NewSessionAsync(baseUrl, "language-switch", output);
        var page = session.Page;

        await page.GotoAsync("/login");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Text.De(nameof(WebTexts.Login_Title)));

        await session.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "English" }));
        await session.SubmitWithKeyAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await session.WaitForPathAsync("/login");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Text.En(nameof(WebTexts.Login_Title)));
        await Assertions.Expect(page.GetByLabel(Text.En(nameof(WebTexts.Login_Password)))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Text.En(nameof(WebTexts.Layout_SkipToContent)) })).ToBeAttachedAsync();
        await session.CheckPageAsync("login-english");

        await page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Text.De(nameof(WebTexts.Login_Title)));
        await session.CheckPageAsync("login-german");
    }
}

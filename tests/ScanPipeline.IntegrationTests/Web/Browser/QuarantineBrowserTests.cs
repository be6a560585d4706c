using Microsoft.Playwright;
using ScanPipeline.Core.Documents;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Web.Resources;
using Xunit;
using Xunit.Abstractions;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>The quarantine and the audit log in Chromium, on the real server, from the keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuarantineBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Sample = "25-abgebrochener-scan.pdf";

    [RequiresBrowserFact]
    public async Task An_operator_discards_a_quarantined_scan_with_a_reason_and_an_admin_reads_it_in_the_audit_log()
    {
        using var host = new WebTestHost();
        var baseUrl = host.StartOnKestrel();
        host.AddUser("otto", UserRoles.Operator);
        host.AddUser("ada", UserRoles.Admin);
        var quarantined = host.Get<QuarantineStore>().Add(await File.ReadAllBytesAsync(Repository.Path("samples/scans/" + Sample)),
            ReasonCodes.CorruptFile, "The PDF ends before its last page.", null, Sample, "scanstrasse-1", null);
        const string reason = "Scan abgebrochen, Absender um neue Zusendung gebeten";

        await using (var operatorSession = await browser.NewSessionAsync(baseUrl, "operator-quarantine", output))
        {
            var page = operatorSession.Page;
            await operatorSession.SignInWithKeyboardAsync("otto");
            await operatorSession.WaitForPathAsync("/verification");
            // The main navigation is reachable from the keyboard too.
            await operatorSession.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = Text.De(nameof(WebTexts.Nav_Quarantine)) }));
            await page.Keyboard.PressAsync("Enter");

            await operatorSession.WaitForPathAsync("/quarantine");
            var row = page.Locator($"tr[id='{quarantined.Id}']");
            await Assertions.Expect(row).ToContainTextAsync(Sample);
            await operatorSession.CheckPageAsync("quarantine");
            await operatorSession.AssertSkipLinkWorksAsync();
            await operatorSession.TabToAsync(row.GetByLabel(Text.De(nameof(WebTexts.Quarantine_DiscardReason))));
            await page.Keyboard.TypeAsync(reason);
            await operatorSession.TabToAsync(row.GetByRole(AriaRole.Button, new() { Name = Text.De(nameof(WebTexts.Quarantine_Discard)) }), maxTabs: 1);
            await operatorSession.SubmitWithKeyAsync();

            await operatorSession.WaitForPathAsync("/quarantine");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(Sample);
            await Assertions.Expect(row).ToHaveCountAsync(0);
            await operatorSession.CheckPageAsync("quarantine-after-discard");
        }

        var (_, resolution) = Assert.Single(host.Get<QuarantineStore>().ListResolved());
        Assert.Equal((QuarantineAction.Discard, reason, "otto"), (resolution.Action, resolution.Reason, resolution.Actor));

        await using var adminSession = await browser.NewSessionAsync(baseUrl, "admin-audit", output);
        // Asked for by address, the audit log sends to the login form and back.
        await adminSession.Page.GotoAsync("/admin/audit");
        await adminSession.SignInWithKeyboardAsync("ada");
        await adminSession.WaitForPathAsync("/admin/audit");
        await Assertions.Expect(adminSession.Page.Locator("#audit-entries")).ToContainTextAsync(reason);
        await adminSession.CheckPageAsync("audit-log");
        await adminSession.AssertSkipLinkWorksAsync();
    }
}

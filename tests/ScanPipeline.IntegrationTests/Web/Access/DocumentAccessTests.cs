using System.Net;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Access;

/// <summary>
/// Issue 6, point 12: a case worker of one department cannot list, search, view or download another
/// department's document, by direct URL or through search; operators and admins see no department post.
/// </summary>
public sealed class DocumentAccessTests : IAsyncLifetime
{
    private readonly WebTestHost _host = new();
    private string _invoice = "";      // Kämmerei (20)
    private string _building = "";     // Bauordnungsamt (63)
    private string _unclear = "";      // verification list

    public async Task InitializeAsync()
    {
        _host.AddUser("anna", UserRoles.CaseWorker, "20");
        _host.AddUser("bert", UserRoles.CaseWorker, "63");
        _host.AddUser("olga", UserRoles.Operator);
        _host.AddUser("adam", UserRoles.Admin);
        _invoice = await _host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20");
        _building = await _host.FileDocumentAsync("12-gewerbeanmeldung-digital.pdf", "Bauantrag", "63");
        _unclear = await _host.FileDocumentAsync("14-bussgeldeinspruch-digital.pdf", "Bußgeld-Einspruch", Routing.VerificationTarget, 0.41);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_inbox_lists_only_the_case_workers_departments()
    {
        using var anna = await _host.SignInAsync("anna");
        var inbox = await anna.GetStringAsync("/inbox");
        Assert.Contains(_invoice, inbox);
        Assert.DoesNotContain(_building, inbox);
        Assert.DoesNotContain(_unclear, inbox);
    }

    [Fact]
    public async Task Search_never_finds_another_departments_document()
    {
        using var anna = await _host.SignInAsync("anna");
        // A word from the other department's document and one from the own.
        var foreignWord = FirstLongWord(await File.ReadAllTextAsync(_host.EFilePath(_building, "text.txt")));
        var ownWord = FirstLongWord(await File.ReadAllTextAsync(_host.EFilePath(_invoice, "text.txt")));
        using var bert = await _host.SignInAsync("bert");
        Assert.Contains(_building, await bert.GetStringAsync("/inbox?q=" + Uri.EscapeDataString(foreignWord)));

        var foreign = await anna.GetStringAsync("/inbox?q=" + Uri.EscapeDataString(foreignWord));
        Assert.DoesNotContain(_building, foreign);
        Assert.Contains(_invoice, await anna.GetStringAsync("/inbox?q=" + Uri.EscapeDataString(ownWord)));
        // Filters do not open the boundary either.
        Assert.DoesNotContain(_building, await anna.GetStringAsync("/inbox?type=Bauantrag"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/pdf")]
    [InlineData("/pdf?download=true")]
    [InlineData("/original")]
    [InlineData("/pages/1")]
    public async Task Another_departments_document_is_not_found_by_direct_url(string suffix)
    {
        using var anna = await _host.SignInAsync("anna");
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/documents/{_building}{suffix}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/documents/{_unclear}{suffix}")).StatusCode);
        // A document that does not exist looks the same: ids cannot be probed.
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/documents/d-00000000000000000000{suffix}")).StatusCode);
    }

    [Fact]
    public async Task The_own_document_can_be_viewed_and_downloaded()
    {
        using var anna = await _host.SignInAsync("anna");
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/documents/{_invoice}")).StatusCode);
        var original = await anna.GetAsync($"/documents/{_invoice}/original");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("image/tiff", original.Content.Headers.ContentType?.MediaType);
        using var bert = await _host.SignInAsync("bert");
        var pdf = await bert.GetAsync($"/documents/{_building}/pdf?download=true");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Theory]
    [InlineData("Done")]
    [InlineData("Note")]
    [InlineData("Assign")]
    [InlineData("Forward")]
    public async Task Actions_on_another_departments_document_are_refused_and_change_nothing(string handler)
    {
        using var anna = await _host.SignInAsync("anna");
        var response = await WebTestHost.PostFormAsync(anna, $"/documents/{_invoice}", $"/documents/{_building}?handler={handler}",
            new() { ["note"] = "fremd", ["assignee"] = "anna", ["department"] = "20", ["type"] = "Rechnung" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var metadata = _host.Get<MetadataStore>();
        var item = metadata.FindListItem(_building)!;
        Assert.Equal("63", item.Item.Department);
        Assert.Equal(InboxStatus.New, item.Item.Status);
        Assert.Null(item.Assignee);
        Assert.Empty(metadata.ListNotes(_building));
        Assert.Empty(metadata.ListCorrections());
    }

    [Fact]
    public async Task Operators_and_admins_see_no_department_post()
    {
        using var olga = await _host.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.Redirect, (await olga.GetAsync("/inbox")).StatusCode);          // access denied page
        Assert.Equal(HttpStatusCode.Redirect, (await olga.GetAsync($"/documents/{_invoice}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync($"/documents/{_invoice}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await olga.GetAsync($"/verification/{_unclear}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await olga.GetAsync($"/documents/{_unclear}/pdf")).StatusCode);

        using var adam = await _host.SignInAsync("adam");
        Assert.Equal(HttpStatusCode.NotFound, (await adam.GetAsync($"/documents/{_invoice}/original")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await adam.GetAsync($"/verification/{_unclear}")).StatusCode);
        Assert.Equal("/status/403", (await adam.GetAsync("/inbox")).Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Without_signing_in_nothing_is_served_but_the_login()
    {
        using var anonymous = _host.NewClient();
        foreach (var url in new[] { "/inbox", $"/documents/{_invoice}", $"/documents/{_invoice}/pdf", "/verification", "/admin/audit" })
            Assert.Equal("/login", (await anonymous.GetAsync(url)).Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Every_view_and_download_is_audited_and_an_admin_reads_the_trail()
    {
        using var anna = await _host.SignInAsync("anna");
        await anna.GetStringAsync($"/documents/{_invoice}");
        await anna.GetByteArrayAsync($"/documents/{_invoice}/original");
        await anna.GetAsync($"/documents/{_building}");   // refused: not audited as a view of that document

        var trail = _host.Get<MetadataStore>().ListAudit(_invoice);
        Assert.Equal([AuditAction.View, AuditAction.Download], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal("anna", e.Actor));
        Assert.Empty(_host.Get<MetadataStore>().ListAudit(_building));

        using var adam = await _host.SignInAsync("adam");
        var page = await adam.GetStringAsync($"/admin/audit?document={_invoice}");
        Assert.Contains("anna", page);
        Assert.Contains("angesehen", page);
        Assert.Contains("Datei abgerufen", page);
        using var anna2 = await _host.SignInAsync("anna");
        Assert.Equal("/status/403", (await anna2.GetAsync($"/admin/audit?document={_invoice}")).Headers.Location?.AbsolutePath);
    }

    private static string FirstLongWord(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).First(w => w.Length >= 8 && w.All(char.IsLetter));
}

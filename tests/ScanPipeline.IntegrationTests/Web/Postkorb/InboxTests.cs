using System.Net;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Postkorb;

/// <summary>Issue 6, points 5 and 6: the case worker's inbox, its search and filters, and the document actions.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    private readonly WebTestHost _host = new();
    private string _march = "";
    private string _april = "";
    private string _building = "";

    public async Task InitializeAsync()
    {
        _host.AddUser("anna", UserRoles.CaseWorker, "20", "63");
        _host.AddUser("carl", UserRoles.CaseWorker, "20");
        _host.AddUser("bert", UserRoles.CaseWorker, "63");
        _march = await _host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20", receivedAt: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        _april = await _host.FileDocumentAsync("06-rechnung-bitonal.png", "Rechnung", "20", receivedAt: new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero));
        _building = await _host.FileDocumentAsync("21-bauantrag-g4.tif", "Bauantrag", "63", receivedAt: new DateTimeOffset(2026, 4, 21, 9, 0, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_list_shows_sender_type_subject_fields_confidence_and_status_newest_first()
    {
        using var anna = await _host.SignInAsync("anna");
        var page = await anna.GetStringAsync("/inbox");
        Assert.True(page.IndexOf(_building, StringComparison.Ordinal) < page.IndexOf(_april, StringComparison.Ordinal));
        Assert.True(page.IndexOf(_april, StringComparison.Ordinal) < page.IndexOf(_march, StringComparison.Ordinal));
        var summary = _host.Get<MetadataStore>().FindListItem(_march)!.Summary;
        Assert.NotNull(summary.Sender);
        Assert.NotNull(summary.Subject);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(summary.Subject!), page);
        Assert.Contains("Dokumente: 3", page);
        Assert.Contains("93", page);   // confidence 0.93 shown as a percentage
    }

    [Fact]
    public async Task Full_text_search_and_filters_narrow_the_list()
    {
        using var anna = await _host.SignInAsync("anna");
        var marchText = await File.ReadAllTextAsync(_host.EFilePath(_march, "text.txt"));
        var aprilText = await File.ReadAllTextAsync(_host.EFilePath(_april, "text.txt"));
        // A word only the March letter has.
        var word = marchText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .First(w => w.Length >= 7 && w.All(char.IsLetter) && !aprilText.Contains(w, StringComparison.OrdinalIgnoreCase)
                        && !File.ReadAllText(_host.EFilePath(_building, "text.txt")).Contains(w, StringComparison.OrdinalIgnoreCase));
        var search = await anna.GetStringAsync("/inbox?q=" + Uri.EscapeDataString(word.ToLowerInvariant()));
        Assert.Contains(_march, search);
        Assert.DoesNotContain(_april, search);
        Assert.Contains("Dokumente: 1", search);
        // Prefix search: the first five letters find it too.
        Assert.Contains(_march, await anna.GetStringAsync("/inbox?q=" + Uri.EscapeDataString(word[..5])));
        // FTS5 syntax typed by a user is text, not a query that fails.
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/inbox?q=" + Uri.EscapeDataString("\"NEAR( * OR"))).StatusCode);

        var byType = await anna.GetStringAsync("/inbox?type=Bauantrag");
        Assert.Contains(_building, byType);
        Assert.DoesNotContain(_march, byType);
        var byDate = await anna.GetStringAsync("/inbox?from=2026-04-01&to=2026-04-20");
        Assert.Contains(_april, byDate);
        Assert.DoesNotContain(_march, byDate);
        Assert.DoesNotContain(_building, byDate);

        _host.Get<MetadataStore>().SetInboxStatus(_april, InboxStatus.Done);
        var done = await anna.GetStringAsync("/inbox?status=erledigt");
        Assert.Contains(_april, done);
        Assert.DoesNotContain(_march, done);
    }

    [Fact]
    public async Task An_htmx_request_gets_the_same_results_for_a_partial_swap()
    {
        using var anna = await _host.SignInAsync("anna");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/inbox?type=Rechnung");
        request.Headers.Add("HX-Request", "true");
        var response = await anna.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"inbox-results\"", html);
        Assert.Contains(_march, html);
        Assert.DoesNotContain(_building, html);
    }

    [Fact]
    public async Task Mark_done_note_and_assign_are_stored_and_audited()
    {
        using var anna = await _host.SignInAsync("anna");
        var page = $"/documents/{_march}";
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(anna, page, page + "?handler=Done", new())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(anna, page, page + "?handler=Note", new() { ["note"] = "Rückfrage beim Absender" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(anna, page, page + "?handler=Assign", new() { ["assignee"] = "carl" })).StatusCode);
        // bert is not in the Kämmerei: he may not be given its post.
        Assert.Equal(HttpStatusCode.BadRequest, (await WebTestHost.PostFormAsync(anna, page, page + "?handler=Assign", new() { ["assignee"] = "bert" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await WebTestHost.PostFormAsync(anna, page, page + "?handler=Note", new() { ["note"] = "  " })).StatusCode);

        var metadata = _host.Get<MetadataStore>();
        var item = metadata.FindListItem(_march)!;
        Assert.Equal(InboxStatus.Done, item.Item.Status);
        Assert.Equal("carl", item.Assignee);
        var note = Assert.Single(metadata.ListNotes(_march));
        Assert.Equal(("anna", "Rückfrage beim Absender"), (note.Author, note.Text));
        Assert.Equal([AuditAction.View, AuditAction.MarkDone, AuditAction.View, AuditAction.AddNote, AuditAction.View, AuditAction.Assign],
            metadata.ListAudit(_march).Where(e => e.Actor == "anna").Select(e => e.Action).Take(6));

        var view = await anna.GetStringAsync(page);
        Assert.Contains("Rückfrage beim Absender", view);
        Assert.Contains("erledigt", view);
    }

    [Fact]
    public async Task Forwarding_moves_the_document_and_records_labelled_data()
    {
        using var carl = await _host.SignInAsync("carl");
        var page = $"/documents/{_march}";
        var response = await WebTestHost.PostFormAsync(carl, page, page + "?handler=Forward", new() { ["department"] = "63", ["type"] = "" });
        Assert.Equal("/inbox", response.Headers.Location?.OriginalString);   // gone from carl's departments

        var metadata = _host.Get<MetadataStore>();
        Assert.Equal("63", metadata.FindListItem(_march)!.Item.Department);
        var correction = Assert.Single(metadata.ListCorrections());
        Assert.Equal(("Rechnung", "Bauantrag", "20", "63", CorrectionSource.Reroute, "carl"),
            (correction.PreviousType, correction.CorrectedType, correction.PreviousDepartment, correction.Department, correction.Source, correction.Actor));
        Assert.Contains(metadata.ListAudit(_march), e => e.Action == AuditAction.Forward && e.Actor == "carl");
        Assert.Equal(HttpStatusCode.NotFound, (await carl.GetAsync(page)).StatusCode);
        using var bert = await _host.SignInAsync("bert");
        Assert.Contains(_march, await bert.GetStringAsync("/inbox"));
        // The e-file record keeps the decision beside what was filed.
        Assert.True(Directory.EnumerateFiles(Path.Combine(_host.Get<EFileStore>().PathFor(_march), "corrections")).Any());
    }

    [Fact]
    public async Task A_forward_that_the_rules_do_not_allow_explains_itself()
    {
        using var carl = await _host.SignInAsync("carl");
        var page = $"/documents/{_march}";
        // Ordnungsamt (32) handles two types: the type must be named.
        var response = await WebTestHost.PostFormAsync(carl, page, page + "?handler=Forward", new() { ["department"] = "32", ["type"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("mehrere Dokumenttypen", html);
        Assert.Contains("Gewerbeanmeldung", html);
        Assert.Equal("20", _host.Get<MetadataStore>().FindListItem(_march)!.Item.Department);
    }

    [Fact]
    public async Task English_can_be_chosen_and_is_remembered()
    {
        using var anna = await _host.SignInAsync("anna");
        Assert.Contains("Postkorb", await anna.GetStringAsync("/inbox"));
        var switched = await WebTestHost.PostFormAsync(anna, "/inbox", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/inbox" });
        Assert.Equal("/inbox", switched.Headers.Location?.OriginalString);
        var english = await anna.GetStringAsync("/inbox");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Inbox", english);
        Assert.Contains("Full-text search", english);
        // An outside address is never a redirect target.
        var outside = await WebTestHost.PostFormAsync(anna, "/inbox", "/language", new() { ["culture"] = "de", ["returnUrl"] = "https://example.org/" });
        Assert.Equal("/", outside.Headers.Location?.OriginalString);
    }
}

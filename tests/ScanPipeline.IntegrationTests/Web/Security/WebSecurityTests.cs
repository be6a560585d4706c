using System.Net;
using System.Text.RegularExpressions;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Security;

/// <summary>Issue 6, point 4: anti-forgery, cookie flags, the Content-Security-Policy and the login throttle.</summary>
public sealed partial class WebSecurityTests : IDisposable
{
    private readonly WebTestHost _host = new();

    public WebSecurityTests()
    {
        _host.Settings["Web:MaxFailedSignIns"] = "3";
        _host.AddUser("anna", UserRoles.CaseWorker, "20");
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_secure_httponly_and_samesite()
    {
        var client = _host.NewClient();
        var login = await client.GetAsync("/login");
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ScanPipeline.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signIn = await WebTestHost.PostFormAsync(client, "/login", "/login", new() { ["name"] = "anna", ["password"] = WebTestHost.Password });
        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ScanPipeline.Session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = _host.NewClient();
        await client.GetAsync("/login");   // has the cookie, but the form field is missing
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "anna", ["password"] = WebTestHost.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("ScanPipeline.Session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_page_has_a_csp_without_inline_script_and_the_markup_has_none()
    {
        using var anna = await _host.SignInAsync("anna");
        var id = await _host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20");
        foreach (var url in new[] { "/login", "/inbox", $"/documents/{id}", "/status/404" })
        {
            var response = await anna.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Contains("frame-ancestors 'self'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineStyleAttribute(), html);
            Assert.DoesNotMatch(EventHandlerAttribute(), html);
        }
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_answer_429_even_for_the_right_password_afterwards()
    {
        var client = _host.NewClient();
        for (var i = 0; i < 3; i++)
        {
            var failed = await WebTestHost.PostFormAsync(client, "/login", "/login", new() { ["name"] = "anna", ["password"] = "falsch-falsch-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            Assert.Contains("Name oder Passwort ist falsch", await failed.Content.ReadAsStringAsync());
        }
        var locked = await WebTestHost.PostFormAsync(client, "/login", "/login", new() { ["name"] = "anna", ["password"] = WebTestHost.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Zu viele fehlgeschlagene Anmeldungen", await locked.Content.ReadAsStringAsync());

        // Another account from the same address is not locked by anna's failures.
        _host.AddUser("bert", UserRoles.CaseWorker, "63");
        var other = await WebTestHost.PostFormAsync(client, "/login", "/login", new() { ["name"] = "bert", ["password"] = WebTestHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains(_host.Get<MetadataStore>().ListRecentAudit(10), e => e.Action == AuditAction.SignInFailed && e.Actor == "anna");
    }

    [Theory]
    [InlineData("/documents/..%2F..%2Fetc%2Fpasswd/pdf")]
    [InlineData("/documents/d-0123456789abcdef0123/pdf")]
    [InlineData("/documents/metadata.json/original")]
    [InlineData("/documents/D-0123456789ABCDEF0123/original")]
    public async Task Downloads_take_a_document_id_only(string url)
    {
        using var anna = await _host.SignInAsync("anna");
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_is_a_post_and_ends_the_session()
    {
        using var anna = await _host.SignInAsync("anna");
        Assert.Equal(HttpStatusCode.Redirect, (await anna.GetAsync("/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/inbox")).StatusCode);   // GET changed nothing
        var signOut = await WebTestHost.PostFormAsync(anna, "/inbox", "/logout", new());
        Assert.Equal("/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal("/login", (await anna.GetAsync("/inbox")).Headers.Location?.AbsolutePath);
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleAttribute();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}

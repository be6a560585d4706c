using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Security;

/// <summary>
/// Issue 6, point 2: sign-in through a city's identity provider. A minimal OpenID Connect provider runs on
/// Kestrel in the test (discovery, keys, authorize, token, userinfo; code flow with PKCE and form_post), and the
/// web role is configured only through Web:Oidc settings. The role and departments come from the token.
/// </summary>
public sealed partial class OpenIdConnectSignInTests : IAsyncLifetime
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly Dictionary<string, (string Nonce, Dictionary<string, object> Claims)> _codes = new();
    private Dictionary<string, object> _nextUser = new();
    private WebApplication _provider = null!;
    private string _issuer = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        var signing = new RsaSecurityKey(_key) { KeyId = "test-key" };
        _provider.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _issuer,
            ["authorization_endpoint"] = _issuer + "/authorize",
            ["token_endpoint"] = _issuer + "/token",
            ["userinfo_endpoint"] = _issuer + "/userinfo",
            ["jwks_uri"] = _issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _provider.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(signing);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        // The user "logs in" at once: the provider answers with a form that posts the code back (response_mode=form_post).
        _provider.MapGet("/authorize", (HttpRequest request) =>
        {
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = (request.Query["nonce"]!, _nextUser);
            var html = $"""<form method="post" action="{request.Query["redirect_uri"]}"><input name="code" value="{code}"><input name="state" value="{request.Query["state"]}"></form>""";
            return Results.Content(html, "text/html");
        });
        _provider.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!_codes.Remove(form["code"]!, out var grant) || string.IsNullOrEmpty(form["code_verifier"])) return Results.BadRequest();
            var claims = new Dictionary<string, object>(grant.Claims) { ["nonce"] = grant.Nonce };
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = _issuer, Audience = "scanpipeline", Claims = claims,
                IssuedAt = DateTime.UtcNow, Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "at-" + Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
        _provider.MapGet("/userinfo", () => Results.Json(_nextUser));
        await _provider.StartAsync();
        _issuer = _provider.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        _key.Dispose();
    }

    private WebTestHost Host()
    {
        var host = new WebTestHost();
        host.Settings["Web:Oidc:Authority"] = _issuer;
        host.Settings["Web:Oidc:ClientId"] = "scanpipeline";
        host.Settings["Web:Oidc:ClientSecret"] = "secret";
        host.Settings["Web:Oidc:RequireHttpsMetadata"] = "false";
        return host;
    }

    [Fact]
    public async Task A_case_worker_signs_in_through_the_provider_and_sees_only_their_departments_post()
    {
        using var host = Host();
        var own = await host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20");
        var other = await host.FileDocumentAsync("21-bauantrag-g4.tif", "Bauantrag", "63");
        _nextUser = new() { ["sub"] = "u-4711", ["preferred_username"] = "erika.muster", ["roles"] = new[] { "caseworker" }, ["departments"] = new[] { "20", "99" } };

        var client = await SignInThroughProviderAsync(host);
        var inbox = await client.GetStringAsync("/inbox");
        Assert.Contains("oidc:erika.muster", inbox);
        Assert.Contains(own, inbox);
        Assert.DoesNotContain(other, inbox);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{other}")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_scanpipeline_role_is_refused()
    {
        using var host = Host();
        _nextUser = new() { ["sub"] = "u-1", ["preferred_username"] = "gast", ["roles"] = new[] { "mitarbeiter" } };
        var client = host.NewClient();
        var callback = await CallbackAsync(host, client);
        Assert.Equal("/login?failed=oidc", callback.Headers.Location?.OriginalString);
        Assert.Contains("keine ScanPipeline-Rolle", await client.GetStringAsync("/login?failed=oidc"));
        Assert.Equal("/login", (await client.GetAsync("/inbox")).Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Without_an_authority_the_login_offers_local_accounts_only()
    {
        using var host = new WebTestHost();
        var client = host.NewClient();
        Assert.DoesNotContain("handler=Oidc", await client.GetStringAsync("/login"));
        Assert.Equal(HttpStatusCode.NotFound, (await WebTestHost.PostFormAsync(client, "/login", "/login?handler=Oidc", new())).StatusCode);
    }

    private async Task<HttpClient> SignInThroughProviderAsync(WebTestHost host)
    {
        var client = host.NewClient();
        var callback = await CallbackAsync(host, client);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/inbox", callback.Headers.Location?.OriginalString);
        return client;
    }

    /// <summary>Login button → provider's authorize → the provider's form posted back to /signin-oidc.</summary>
    private async Task<HttpResponseMessage> CallbackAsync(WebTestHost host, HttpClient client)
    {
        var login = await client.GetStringAsync("/login?returnUrl=%2Finbox");
        Assert.Contains("handler=Oidc", login);
        var challenge = await WebTestHost.PostFormAsync(client, "/login?returnUrl=%2Finbox", "/login?handler=Oidc", new() { ["returnUrl"] = "/inbox" });
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(_issuer + "/authorize", authorize.OriginalString);
        Assert.Contains("code_challenge_method=S256", authorize.Query);
        Assert.Contains("client_id=scanpipeline", authorize.Query);

        using var browser = new HttpClient();
        var form = await browser.GetStringAsync(authorize);
        var action = WebUtility.HtmlDecode(FormAction().Match(form).Groups[1].Value);
        var fields = FormInput().Matches(form).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal("https://localhost/signin-oidc", action);
        _ = host;
        return await client.PostAsync("/signin-oidc", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex FormInput();
}

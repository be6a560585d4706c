using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Storage;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Web;
using ScanPipeline.Web.Security;
using ScanPipeline.Worker.Stages;

namespace ScanPipeline.IntegrationTests.Web.Infrastructure;

/// <summary>
/// The web role in memory (WebApplicationFactory) on its own temporary stores, with the repository's routing
/// rules and models. Documents are filed by the real deliver stage from the sample scans, users through the
/// real account store; clients sign in through the real login form.
/// </summary>
public sealed partial class WebTestHost : WebApplicationFactory<WebProgram>
{
    public const string Password = "Test-Passwort-123";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "scanpipe-web-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Settings on top of the defaults (they win over them), e.g. Web:MaxFailedSignIns or Pipeline:RoutingRulesPath.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Pipeline:RoutingRulesPath"] = Repository.Path("config/routing-rules.json"),
            ["Classification:ModelsDirectory"] = Repository.Path("models"),
            ["Ingest:ScannerLines:0:Name"] = "scanstrasse-1",
            ["Ingest:ScannerLines:0:HotFolder"] = Path.Combine(DataDirectory, "hot", "scanstrasse-1"),
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        // Host settings are seen while services are registered (e.g. whether OpenID Connect is on); the app
        // configuration added last wins over appsettings.json and SCANPIPE_ variables of the machine.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public RoutingRules Rules => RoutingRules.Load(Repository.Path("config/routing-rules.json"));

    public void AddUser(string name, string role, params string[] departments)
    {
        var error = Get<UserAccounts>().Save(name, Password, role, departments, Rules);
        if (error is not null) throw new InvalidOperationException($"User {name}: {error}");
    }

    /// <summary>A client over HTTPS (the cookies are Secure) that keeps cookies and does not follow redirects.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Signs in through the login form; returns the signed-in client.</summary>
    public async Task<HttpClient> SignInAsync(string name, string password = Password)
    {
        var client = NewClient();
        var response = await PostFormAsync(client, "/login", "/login", new() { ["name"] = name, ["password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {name} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts a form from page <paramref name="formPage"/> with that page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action,
        Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No anti-forgery token on {formPage}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>
    /// Files sample scan <paramref name="sample"/> (samples/scans) as a document of <paramref name="type"/> for
    /// <paramref name="target"/> (a department code or "verification") through the real deliver stage, with the
    /// sample's ground-truth text as its OCR text. Returns the document id.
    /// </summary>
    public async Task<string> FileDocumentAsync(string sample, string type, string target, double confidence = 0.93,
        DateTimeOffset? receivedAt = null, IReadOnlyList<ClassScore>? topScores = null, string? textOverride = null)
    {
        var blobs = Get<IBlobStore>();
        var original = await File.ReadAllBytesAsync(Repository.Path(Path.Combine("samples/scans", sample)));
        var text = textOverride ?? await File.ReadAllTextAsync(Repository.Path(Path.Combine("samples/scans/groundtruth", sample + ".txt")));
        // A different text makes a different document: tests file one sample several times.
        var originalSha = Convert.ToHexStringLower(SHA256.HashData([.. original, .. Encoding.UTF8.GetBytes(text + type + target)]));
        await blobs.PutAsync(original);
        var realOriginalSha = Convert.ToHexStringLower(SHA256.HashData(original));
        var textSha = await blobs.PutAsync(Encoding.UTF8.GetBytes(text));
        var mediaType = MediaTypes.Sniff(original) ?? "application/octet-stream";
        var documentId = Ids.DocumentId(originalSha, 0);
        var routed = new DocumentRouted(documentId, Ids.BatchId(originalSha), "scanstrasse-1", realOriginalSha, sample, mediaType,
            [1], textSha, mediaType == "application/pdf" ? realOriginalSha : null, type, confidence, target,
            target == Routing.VerificationTarget ? RoutingRules.ReasonLowConfidence : RoutingRules.ReasonRule, "test-model",
            90, 0, receivedAt ?? DateTimeOffset.UtcNow, 1.0,
            Fields: ScanPipeline.Classification.Extraction.FieldExtractor.Extract(text), TopScores: topScores);
        var stage = new DeliverStage(blobs, Get<EFileStore>(), Get<MetadataStore>(), TimeProvider.System, NullLogger<DeliverStage>.Instance);
        await stage.HandleAsync(routed, CancellationToken.None);
        return documentId;
    }

    /// <summary>A file of a document's e-file record (text.txt, document.pdf, metadata.json).</summary>
    public string EFilePath(string documentId, string fileName) => Path.Combine(Get<EFileStore>().PathFor(documentId), fileName);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}

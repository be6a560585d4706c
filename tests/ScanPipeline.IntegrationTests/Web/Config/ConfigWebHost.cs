using System.Net;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;

namespace ScanPipeline.IntegrationTests.Web.Config;

/// <summary>
/// The web role with configuration files of its own: a copy of config/routing-rules.json and a scanner-lines file
/// (not there until the first change) in the host's temporary folder, and a hot-folder root beside them. The
/// repository's config is never touched. Users: an admin, an operator and a case worker of department 20.
/// </summary>
internal sealed class ConfigWebHost : IDisposable
{
    public const string Admin = "ada";
    public const string Operator = "olaf";
    public const string CaseWorker = "carla";

    public ConfigWebHost()
    {
        Directory.CreateDirectory(ConfigDirectory);
        File.Copy(Repository.Path("config/routing-rules.json"), RulesPath);
        Web.Settings["Pipeline:RoutingRulesPath"] = RulesPath;
        Web.Settings["Pipeline:ScannerLinesPath"] = LinesPath;
        Web.Settings["Ingest:HotFolderRoot"] = HotFolderRoot;
        Web.AddUser(Admin, UserRoles.Admin);
        Web.AddUser(Operator, UserRoles.Operator);
        Web.AddUser(CaseWorker, UserRoles.CaseWorker, "20");
    }

    public WebTestHost Web { get; } = new();

    public string ConfigDirectory => Path.Combine(Web.DataDirectory, "config");
    public string RulesPath => Path.Combine(ConfigDirectory, "routing-rules.json");
    public string LinesPath => Path.Combine(ConfigDirectory, "scanner-lines.json");
    public string HistoryDirectory => Path.Combine(ConfigDirectory, "history");
    public string HotFolderRoot => Path.Combine(Web.DataDirectory, "hotfolders");

    public IReadOnlyList<AuditEntry> ConfigAudit() =>
        [.. Web.Get<MetadataStore>().ListRecentAudit(1000).Where(e => e.Action == AuditAction.ConfigChange)];

    public int Versions(string baseName) =>
        Directory.Exists(HistoryDirectory) ? Directory.EnumerateFiles(HistoryDirectory, baseName + ".*.json").Count() : 0;

    /// <summary>Posts a form of <paramref name="page"/> to one of its handlers, as the page's own form does.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        WebTestHost.PostFormAsync(client, page, $"{page}?handler={handler}", fields);

    /// <summary>The page as a person reads it: Razor writes umlauts as character references.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public void Dispose() => Web.Dispose();
}

using Microsoft.AspNetCore.Mvc;
using ScanPipeline.Web.Configuration;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages.Admin;

/// <summary>The saved versions of the routing rules and the scanner lines; show one, restore one (as a new version).</summary>
public sealed class ConfigHistoryModel(RoutingRulesEditor rules, ScannerLinesEditor lines) : ConfigPageModel
{
    public const string RulesFile = "routing-rules";
    public const string LinesFile = "scanner-lines";

    public IReadOnlyList<ConfigVersion> RulesVersions { get; private set; } = [];
    public IReadOnlyList<ConfigVersion> LinesVersions { get; private set; } = [];

    /// <summary>The version asked for with ?file=…&amp;version=…, and its content.</summary>
    public ConfigVersion? Shown { get; private set; }
    public string? ShownContent { get; private set; }

    public IActionResult OnGet(string? file, string? version)
    {
        Load();
        if (version is null) return Page();
        var history = History(file);
        Shown = (file == RulesFile ? RulesVersions : LinesVersions).FirstOrDefault(v => v.FileName == version);
        ShownContent = history?.Read(version);
        return Shown is null || ShownContent is null ? NotFound() : Page();
    }

    public IActionResult OnPostRestore(string? file, string? version) => file switch
    {
        RulesFile => Outcome(rules.Restore(User.Name(), version), Load),
        LinesFile => Outcome(lines.Restore(User.Name(), version), Load),
        _ => NotFound(),
    };

    /// <summary>The newest version with the content of the live file: the one in force.</summary>
    public bool InForce(string file, ConfigVersion version) => _inForce.GetValueOrDefault(file) == version.FileName;

    private readonly Dictionary<string, string?> _inForce = new(StringComparer.Ordinal);

    private ConfigHistory? History(string? file) => file switch
    {
        RulesFile => rules.History,
        LinesFile => lines.History,
        _ => null,
    };

    private void Load()
    {
        RulesVersions = rules.History.List();
        LinesVersions = lines.History.List();
        _inForce[RulesFile] = NewestWithContent(rules.History, RulesVersions, ReadLive(rules.History.LiveFilePath));
        _inForce[LinesFile] = NewestWithContent(lines.History, LinesVersions, ReadLive(lines.History.LiveFilePath));
    }

    private static string? NewestWithContent(ConfigHistory history, IReadOnlyList<ConfigVersion> versions, string? live) =>
        live is null ? null : versions.FirstOrDefault(v => history.Read(v.FileName) == live)?.FileName;

    private static string? ReadLive(string path) => System.IO.File.Exists(path) ? System.IO.File.ReadAllText(path) : null;
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Separation;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;
using static ScanPipeline.Web.Configuration.ConfigText;

namespace ScanPipeline.Web.Configuration;

/// <summary>What a form says about a scanner line; every field is checked before it becomes part of a line.</summary>
public sealed record ScannerLineForm(string? Name, string? Folder, string? Separation, string? PagesPerDocument, string? SeparatorCodes);

/// <summary>
/// Changes to the scanner lines (config/scanner-lines.json) from the admin pages: add a line, change one (hot
/// folder, separation rule, separator codes, pages per document), remove one, restore a version. A hot folder is
/// always a folder of <see cref="IngestOptions.HotFolderRoot"/>, chosen by its name; a path typed into a form is
/// never used. A line is removed or moved only while its hot folder holds no file waiting to be taken, so no
/// delivered scan is left behind where no one looks. Each change is validated, saved as a new version and audited;
/// ingest and split read the file through <see cref="ScannerLinesFile"/>, so it applies without a restart.
/// While the file does not exist, the lines of Ingest:ScannerLines are in force; the first change writes the file
/// (and keeps those lines as its first version).
/// </summary>
public sealed partial class ScannerLinesEditor(ScannerLinesFile file, IOptions<IngestOptions> ingest, MetadataStore metadata, TimeProvider clock)
{
    private readonly Lock _lock = new();

    public const int MaxPagesPerDocument = 1000;
    public const int MaxSeparatorCodeLength = 64;

    public ConfigHistory History { get; } = new(file.Path);

    public IReadOnlyList<ScannerLineOptions> Current => file.Current;

    /// <summary>True when the lines come from config/scanner-lines.json, false while Ingest:ScannerLines are in force.</summary>
    public bool FileExists => file.FileExists;

    public string FilePath => file.Path;

    /// <summary>The folder under which hot folders are created, as a full path.</summary>
    public string HotFolderRoot => Path.GetFullPath(ingest.Value.HotFolderRoot);

    /// <summary>The name of a line's hot folder in <see cref="HotFolderRoot"/>, or null when it lies elsewhere (configured by hand).</summary>
    public string? FolderName(ScannerLineOptions line)
    {
        var folder = Path.GetFullPath(line.HotFolder).TrimEnd(Path.DirectorySeparatorChar);
        return Path.GetDirectoryName(folder) == HotFolderRoot.TrimEnd(Path.DirectorySeparatorChar) ? Path.GetFileName(folder) : null;
    }

    /// <summary>Files in a line's hot folder (complete or still being written): they would be left behind if the line went.</summary>
    public static int WaitingFiles(ScannerLineOptions line) =>
        Directory.Exists(line.HotFolder) ? Directory.EnumerateFiles(line.HotFolder).Count() : 0;

    public ConfigChangeResult AddLine(string actor, ScannerLineForm form) => Change(actor, lines =>
    {
        var name = form.Name?.Trim() ?? "";
        if (!LineName().IsMatch(name)) return Refuse(Say(ConfigTexts.Error_LineNameInvalid, name));
        if (lines.Any(l => l.Name == name)) return Refuse(Say(ConfigTexts.Error_LineExists, name));
        if (string.IsNullOrWhiteSpace(form.Folder)) return Refuse(ConfigTexts.Error_FolderNeeded);
        var (line, errors) = Read(form, name, keptFolder: null);
        if (line is null) return Refuse(errors);
        return Changed([.. lines, line], Audit(nameof(ConfigTexts.Audit_LineAdded), line.Name, line.HotFolder, Describe(line)),
            Say(ConfigTexts.Saved_LineAdded, line.Name));
    });

    public ConfigChangeResult UpdateLine(string actor, ScannerLineForm form) => Change(actor, lines =>
    {
        if (lines.FirstOrDefault(l => l.Name == form.Name) is not { } old) return Refuse(Say(ConfigTexts.Error_LineUnknown, form.Name));
        var (line, errors) = Read(form, old.Name, keptFolder: old.HotFolder);
        if (line is null) return Refuse(errors);
        if (SameFolder(line.HotFolder, old.HotFolder)) line.HotFolder = old.HotFolder;
        if (ScannerLinesDocument.ToJson([line]) == ScannerLinesDocument.ToJson([old])) return Refuse(ConfigTexts.Error_NothingChanged);
        return Changed([.. lines.Select(l => l == old ? line : l)],
            Audit(nameof(ConfigTexts.Audit_LineChanged), line.Name, old.HotFolder, Describe(old), line.HotFolder, Describe(line)),
            Say(ConfigTexts.Saved_LineChanged, line.Name));
    });

    public ConfigChangeResult RemoveLine(string actor, string? name) => Change(actor, lines =>
    {
        if (lines.FirstOrDefault(l => l.Name == name) is not { } old) return Refuse(Say(ConfigTexts.Error_LineUnknown, name));
        return Changed([.. lines.Where(l => l != old)], Audit(nameof(ConfigTexts.Audit_LineRemoved), old.Name, old.HotFolder),
            Say(ConfigTexts.Saved_LineRemoved, old.Name));
    });

    /// <summary>Makes a saved version the lines in force again, as a new version.</summary>
    public ConfigChangeResult Restore(string actor, string? versionFileName) => Change(actor, _ =>
    {
        if (History.Read(versionFileName) is not { } json) return Refuse(ConfigTexts.Error_VersionUnknown);
        try
        {
            return Changed(ScannerLinesDocument.Parse(json, versionFileName!), Audit(nameof(ConfigTexts.Audit_Restored), versionFileName),
                Say(ConfigTexts.Saved_Restored, versionFileName));
        }
        catch (InvalidOperationException)
        {
            return Refuse(ConfigTexts.Error_VersionUnreadable);
        }
    });

    /// <summary>A separation rule in words, for the page and the audit log.</summary>
    public static string Describe(ScannerLineOptions line) => line.Separation switch
    {
        SeparationRules.FixedPageCount => $"{line.Separation} ({line.PagesPerDocument})",
        SeparationRules.SeparatorSheet when line.SeparatorCodes.Count > 0 => $"{line.Separation} ({string.Join(", ", line.SeparatorCodes)})",
        _ => line.Separation,
    };

    /// <summary>The line a form describes, or the reasons it does not describe one. An empty folder keeps <paramref name="keptFolder"/>.</summary>
    private (ScannerLineOptions? Line, List<string> Errors) Read(ScannerLineForm form, string name, string? keptFolder)
    {
        var errors = new List<string>();
        var folderName = form.Folder?.Trim() ?? "";
        var hotFolder = keptFolder;
        if (folderName.Length > 0 || keptFolder is null)
        {
            if (!FolderNamePattern().IsMatch(folderName)) errors.Add(Say(ConfigTexts.Error_FolderInvalid, folderName));
            else
            {
                // One name inside the configured root, and checked again after resolving: never any other place.
                var full = Path.GetFullPath(Path.Combine(HotFolderRoot, folderName));
                if (Path.GetDirectoryName(full) != HotFolderRoot.TrimEnd(Path.DirectorySeparatorChar)) errors.Add(Say(ConfigTexts.Error_FolderInvalid, folderName));
                else hotFolder = Path.Combine(ingest.Value.HotFolderRoot, folderName);
            }
        }

        var separation = form.Separation?.Trim() ?? "";
        if (!SeparationRules.All.Contains(separation)) errors.Add(Say(ConfigTexts.Error_SeparationUnknown, separation));

        var pages = 0;
        var pagesText = form.PagesPerDocument?.Trim() ?? "";
        if (separation == SeparationRules.FixedPageCount)
        {
            if (!int.TryParse(pagesText, out pages) || pages is < 1 or > MaxPagesPerDocument)
                errors.Add(Say(ConfigTexts.Error_PagesInvalid, MaxPagesPerDocument));
        }
        else if (pagesText.Length > 0 && pagesText != "0") errors.Add(ConfigTexts.Error_PagesOnlyForFixed);

        var codes = (form.SeparatorCodes ?? "").Split([',', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > 0 && separation != SeparationRules.SeparatorSheet) errors.Add(ConfigTexts.Error_CodesOnlyForSeparatorSheet);
        if (codes.Any(c => c.Length > MaxSeparatorCodeLength || c.Any(char.IsControl)))
            errors.Add(Say(ConfigTexts.Error_CodeInvalid, MaxSeparatorCodeLength));

        if (errors.Count > 0 || hotFolder is null) return (null, errors);
        return (new ScannerLineOptions { Name = name, HotFolder = hotFolder, Separation = separation, PagesPerDocument = pages, SeparatorCodes = codes }, errors);
    }

    private sealed record Proposal(List<ScannerLineOptions>? Lines, List<string> Errors, string AuditDetail, string Message);

    private static Proposal Refuse(string error) => new(null, [error], "", "");

    private static Proposal Refuse(List<string> errors) => new(null, errors, "", "");

    private static Proposal Changed(List<ScannerLineOptions> lines, string auditDetail, string message) => new(lines, [], auditDetail, message);

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    private ConfigChangeResult Change(string actor, Func<IReadOnlyList<ScannerLineOptions>, Proposal> propose)
    {
        lock (_lock)
        {
            var before = file.Current;
            var proposal = propose(before);
            if (proposal.Lines is not { } after) return ConfigChangeResult.Refused(proposal.Errors);

            var errors = new List<string>();
            foreach (var group in after.GroupBy(l => Path.GetFullPath(l.HotFolder).TrimEnd(Path.DirectorySeparatorChar)).Where(g => g.Count() > 1))
                errors.Add(Say(ConfigTexts.Error_FolderShared, string.Join(", ", group.Select(l => l.Name))));
            // A line that goes, or whose hot folder moves, must not leave scans behind in the folder no one watches any more.
            foreach (var old in before)
            {
                var now = after.FirstOrDefault(l => l.Name == old.Name);
                if (now is not null && SameFolder(now.HotFolder, old.HotFolder)) continue;
                if (WaitingFiles(old) is > 0 and var waiting) errors.Add(Say(ConfigTexts.Error_FilesWaiting, old.Name, waiting));
            }
            // The same checks as at the host's start; the form's checks above should leave nothing for these to find.
            errors.AddRange(ScannerLinesDocument.Validate(after));
            if (errors.Count > 0) return ConfigChangeResult.Refused(errors);

            var at = clock.GetUtcNow();
            var version = History.Save(ScannerLinesDocument.ToJson(after), actor, at,
                before: File.Exists(file.Path) ? File.ReadAllText(file.Path) : ScannerLinesDocument.ToJson(before));
            metadata.Audit(actor, AuditAction.ConfigChange, null, $"{Path.GetFileName(file.Path)}: {proposal.AuditDetail} ({version.FileName})", at);
            return ConfigChangeResult.Done(proposal.Message, version);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex LineName();

    /// <summary>One folder name: letters, digits, '-' and '_', starting with a letter or digit; no separators, no dots.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex FolderNamePattern();
}

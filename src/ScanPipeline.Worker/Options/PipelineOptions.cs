using System.ComponentModel.DataAnnotations;
using ScanPipeline.Core.Separation;

namespace ScanPipeline.Worker.Options;

/// <summary>Section "Pipeline": which stages this process runs and where its configuration files are.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>
    /// Any of ingest, split, ocr, classify, deliver, or "all"; empty means all. (No default list here: the
    /// configuration binder appends to an initialised list, so a configured "ocr" would become "all, ocr".)
    /// </summary>
    public List<string> Roles { get; set; } = [];

    [Required]
    public string RoutingRulesPath { get; set; } = "config/routing-rules.json";

    /// <summary>
    /// The scanner lines, edited on the admin pages. While this file does not exist, <c>Ingest:ScannerLines</c> are
    /// the lines (see <see cref="Configuration.ScannerLinesFile"/>).
    /// </summary>
    [Required]
    public string ScannerLinesPath { get; set; } = "config/scanner-lines.json";
}

public sealed class ScannerLineOptions
{
    [Required, RegularExpression("^[A-Za-z0-9-]{1,32}$")]
    public string Name { get; set; } = "";

    [Required]
    public string HotFolder { get; set; } = "";

    /// <summary>
    /// How this line's batches are cut into documents: separator-sheet (the default), blank-page,
    /// one-file-per-document or fixed-page-count. Blank pages are removed under every rule.
    /// </summary>
    public string Separation { get; set; } = SeparationRules.SeparatorSheet;

    /// <summary>
    /// Barcode contents (QR, Code 128, Code 39; matched exactly) that mark a separator sheet. Empty means the
    /// defaults, SCANPIPE-SEP and PATCHT. (No default list here: the binder would append configured codes to it.)
    /// </summary>
    public List<string> SeparatorCodes { get; set; } = [];

    /// <summary>N for fixed-page-count: every N scanned pages are one document.</summary>
    public int PagesPerDocument { get; set; }

    public SeparationSettings SeparationSettings() => new(Separation,
        SeparatorCodes.Count > 0 ? SeparatorCodes : SeparationRules.DefaultSeparatorCodes, PagesPerDocument);

    /// <summary>The checks data annotations cannot express; <see cref="IngestOptions"/> runs them for every line.</summary>
    public IEnumerable<ValidationResult> ValidateSeparation()
    {
        if (!SeparationRules.All.Contains(Separation))
            yield return new ValidationResult($"Scanner line '{Name}': unknown Separation '{Separation}'. Known: {string.Join(", ", SeparationRules.All)}.");
        if (Separation == SeparationRules.FixedPageCount && PagesPerDocument < 1)
            yield return new ValidationResult($"Scanner line '{Name}': fixed-page-count needs PagesPerDocument of at least 1.");
        if (Separation != SeparationRules.FixedPageCount && PagesPerDocument != 0)
            yield return new ValidationResult($"Scanner line '{Name}': PagesPerDocument applies only to fixed-page-count.");
        if (SeparatorCodes.Any(string.IsNullOrWhiteSpace))
            yield return new ValidationResult($"Scanner line '{Name}': a separator code is empty.");
    }
}

/// <summary>Section "Ingest": the scanner lines and how their hot folders are watched.</summary>
public sealed class IngestOptions : IValidatableObject
{
    public const string Section = "Ingest";

    /// <summary>The separation rule of a line by its name; a batch from a line not (or no longer) configured gets the default.</summary>
    public SeparationSettings SeparationFor(string scannerLine) =>
        ScannerLines.FirstOrDefault(l => l.Name == scannerLine)?.SeparationSettings() ?? Core.Separation.SeparationSettings.Default;

    /// <summary>Data annotations do not look into list items: each line is validated here, with its separation rule.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var line in ScannerLines)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(line, new ValidationContext(line), results, validateAllProperties: true);
            foreach (var result in results.Concat(line.ValidateSeparation())) yield return result;
        }
        foreach (var duplicate in ScannerLines.GroupBy(l => l.Name).Where(g => g.Count() > 1))
            yield return new ValidationResult($"Scanner line '{duplicate.Key}' is configured more than once.");
    }

    /// <summary>
    /// The lines when the scanner-lines file (<see cref="PipelineOptions.ScannerLinesPath"/>) does not exist; once it
    /// does, the file's lines are the lines and these are not used.
    /// </summary>
    public List<ScannerLineOptions> ScannerLines { get; set; } = [];

    /// <summary>
    /// The folder under which the admin pages create hot folders: a line added or moved there gets a folder of this
    /// one, by name, never a path typed into a form.
    /// </summary>
    [Required]
    public string HotFolderRoot { get; set; } = "var/hotfolders";

    /// <summary>A file is taken once its size and time stamp have not changed for this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After a failed attempt (store or broker unavailable) a file is tried again after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Larger files are quarantined unread.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;
}

public static class Roles
{
    public const string All = "all";
    public const string Ingest = "ingest";
    public const string Split = "split";
    public const string Ocr = "ocr";
    public const string Classify = "classify";
    public const string Deliver = "deliver";

    /// <summary>The web pages (src/ScanPipeline.Web); not a stage, and not part of "all".</summary>
    public const string Web = "web";

    public static readonly IReadOnlyList<string> Stages = [Ingest, Split, Ocr, Classify, Deliver];

    /// <summary>Expands "all" (or nothing configured) and validates names; unknown roles are a configuration error.</summary>
    public static IReadOnlySet<string> Resolve(IEnumerable<string> configured)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!configured.Any(r => !string.IsNullOrWhiteSpace(r))) configured = [All];
        foreach (var raw in configured.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (raw.Equals(All, StringComparison.OrdinalIgnoreCase)) set.UnionWith(Stages);
            else if (Stages.Contains(raw, StringComparer.OrdinalIgnoreCase) || raw.Equals(Web, StringComparison.OrdinalIgnoreCase))
                set.Add(raw.ToLowerInvariant());
            else throw new InvalidOperationException($"Unknown role '{raw}'. Known roles: {string.Join(", ", Stages)}, {Web}, {All}.");
        }
        return set;
    }
}

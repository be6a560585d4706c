using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Models;
using ScanPipeline.Storage;
using ScanPipeline.Web.ModelAdmin;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages.Admin;

/// <summary>
/// The admin's models page: the stored versions with the active one and the activation history, one version's
/// validation metrics (per-type table and confusion heat map), training a new version from the corrections
/// (<see cref="ModelTrainingJob"/>, progress polled by htmx), promotion through the gate
/// (<see cref="ModelPromotion"/> on <see cref="ClassificationOptions.HeldOutDirectory"/>, never forced) and rollback.
/// The /Admin folder is admin-only; every handler checks the role again. Promotions and rollbacks are audited.
/// </summary>
public sealed class ModelsModel(
    IOptions<ClassificationOptions> options, ModelTrainingJob training, MetadataStore metadata, TimeProvider clock,
    ILogger<ModelsModel> logger) : PageModel
{
    /// <summary>htmx stops polling when a response has this status (the content is still swapped in).</summary>
    public const int StopPollingStatus = 286;

    public ModelRegistryState Registry { get; private set; } = null!;

    /// <summary>The version whose metrics are shown: the one asked for, else the active one, else the newest.</summary>
    public ModelVersionInfo? Selected { get; private set; }

    public ConfusionHeatMap? HeatMap { get; private set; }
    public ModelTrainingStatus? Training { get; private set; }
    public int Corrections { get; private set; }
    public string? Error { get; private set; }

    public string TrainingDataDirectory => Path.GetFullPath(options.Value.TrainingDataDirectory);
    public string HeldOutDirectory => Path.GetFullPath(options.Value.HeldOutDirectory);

    public IActionResult OnGet(string? version)
    {
        if (!User.IsAdmin()) return Forbid();
        Load(version);
        return version is not null && Selected?.Version != version ? NotFound() : Page();
    }

    /// <summary>The training status partial that the page polls every 2 s while a job runs.</summary>
    public IActionResult OnGetTrainingStatus()
    {
        if (!User.IsAdmin()) return Forbid();
        Training = training.Status;
        if (Training is not { IsRunning: true }) Response.StatusCode = StopPollingStatus;
        return Partial("ModelsTrainingStatus", Training);
    }

    public IActionResult OnPostTrain()
    {
        if (!User.IsAdmin()) return Forbid();
        TempData["Message"] = training.TryStart(User.Name())
            ? ModelTexts.Training_Started
            : Format(ModelTexts.Training_AlreadyRunning, training.Status?.StartedBy);
        return Redirect("/admin/models#training");
    }

    public async Task<IActionResult> OnPostPromoteAsync(string? version, CancellationToken ct)
    {
        if (!User.IsAdmin()) return Forbid();
        var registry = OpenRegistry();
        var state = registry.ReadState();
        if (!ModelRegistry.IsValidVersionName(version) || state.Find(version) is null)
            return Failed(StatusCodes.Status404NotFound, Format(ModelTexts.Promote_UnknownVersion, version));
        if (state.Active == version)
        {
            TempData["Message"] = Format(ModelTexts.Promote_AlreadyActive, version);
            return Redirect("/admin/models");
        }

        // The gate's held-out texts; the web role runs no OCR, so the folder's .txt files are the test data.
        LabeledFolderContents heldOut;
        try
        {
            heldOut = await LabeledFolder.LoadTextFilesAsync(HeldOutDirectory, ct: ct);
        }
        catch (DirectoryNotFoundException)
        {
            heldOut = new LabeledFolderContents([], []);
        }
        if (heldOut.Examples.Count == 0) return Failed(StatusCodes.Status409Conflict, Format(ModelTexts.Promote_NoHeldOutData, HeldOutDirectory));

        PromotionResult result;
        try
        {
            result = ModelPromotion.Promote(registry, version!, heldOut.Examples, force: false, clock);
        }
        catch (ModelLoadException ex)
        {
            logger.LogWarning("Promotion of {Version} by {Actor}: the version does not load: {Problem}", version, User.Name(), ex.Message);
            return Failed(StatusCodes.Status409Conflict, Format(ModelTexts.Promote_Unloadable, version, ex.Message));
        }

        var count = heldOut.Examples.Count;
        if (!result.Promoted)
            return Failed(StatusCodes.Status409Conflict, Format(ModelTexts.Promote_Refused, version, count,
                result.CandidateReport.MacroF1, result.Current, result.CurrentReport!.MacroF1));

        var compared = result.CurrentReport is null ? "" : FormattableString.Invariant($"; {result.Current} had {result.CurrentReport.MacroF1:F4}");
        metadata.Audit(User.Name(), AuditAction.ModelPromote, null,
            FormattableString.Invariant($"{version}: held-out macro-F1 {result.CandidateReport.MacroF1:F4} on {count} texts{compared}"),
            clock.GetUtcNow());
        var message = result.CurrentReport is null
            ? Format(ModelTexts.Promote_Done, version, count, result.CandidateReport.MacroF1)
            : Format(ModelTexts.Promote_DoneCompared, version, count, result.CandidateReport.MacroF1, result.Current, result.CurrentReport.MacroF1);
        if (result.CurrentUnusableReason is not null) message += " " + Format(ModelTexts.Promote_CurrentUnusable, result.CurrentUnusableReason);
        TempData["Message"] = message;
        return Redirect("/admin/models");
    }

    public IActionResult OnPostRollback()
    {
        if (!User.IsAdmin()) return Forbid();
        var registry = OpenRegistry();
        var before = registry.ReadState().Active;
        ActiveModelPointer pointer;
        try
        {
            pointer = registry.Rollback(clock);
        }
        catch (ModelLoadException ex)
        {
            logger.LogWarning("Rollback by {Actor} impossible: {Problem}", User.Name(), ex.Message);
            return Failed(StatusCodes.Status409Conflict, ModelTexts.Rollback_Impossible);
        }
        metadata.Audit(User.Name(), AuditAction.ModelRollback, null, $"{before} -> {pointer.Version}", clock.GetUtcNow());
        TempData["Message"] = Format(ModelTexts.Rollback_Done, before, pointer.Version);
        return Redirect("/admin/models");
    }

    private ModelRegistry OpenRegistry() => new(options.Value.ModelsDirectory);

    private void Load(string? version)
    {
        Registry = OpenRegistry().ReadState();
        Selected = version is not null
            ? Registry.Find(version)
            : Registry.Find(Registry.Active) ?? Registry.Versions.FirstOrDefault();
        var confusion = Selected?.Manifest.Validation.Confusion;
        HeatMap = confusion is { Labels.Count: > 0 } ? new ConfusionHeatMap(confusion) : null;
        Training = training.Status;
        Corrections = metadata.ListLatestCorrections().Count;
    }

    private PageResult Failed(int status, string error)
    {
        Load(null);
        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}

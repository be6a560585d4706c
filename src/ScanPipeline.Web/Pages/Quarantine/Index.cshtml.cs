using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPipeline.Storage;
using ScanPipeline.Web.Security;
using ScanPipeline.Worker.Operations;
using ScanPipeline.Worker.Configuration;

namespace ScanPipeline.Web.Pages.Quarantine;

/// <summary>Files the pipeline could not process, with their reason; retry or discard (with a reason, audited).</summary>
public sealed class IndexModel(QuarantineStore store, MetadataStore metadata, ScannerLinesFile scannerLines, TimeProvider clock) : PageModel
{
    public IReadOnlyList<QuarantineReason> Items { get; private set; } = [];
    public string? Error { get; private set; }

    public void OnGet() => Items = store.List();

    public IActionResult OnPostRetry(string? id)
    {
        if (Find(id) is not { } item) return NotFound();
        var outcome = Actions().Retry(item, User.Name());
        if (!outcome.Succeeded) return Failed(string.Format(CultureInfo.CurrentCulture, WebTexts.Quarantine_LineUnknown, item.ScannerLine));
        metadata.Audit(User.Name(), AuditAction.QuarantineRetry, null, $"{item.Id} {Path.GetFileName(item.SourceFile)}", clock.GetUtcNow());
        TempData["Message"] = string.Format(CultureInfo.CurrentCulture, WebTexts.Quarantine_Retried, Path.GetFileName(item.SourceFile));
        return Redirect("/quarantine");
    }

    public IActionResult OnPostDiscard(string? id, string? reason)
    {
        if (Find(id) is not { } item) return NotFound();
        if (Actions().Discard(item, reason ?? "", User.Name()) is null) return Failed(WebTexts.Quarantine_ReasonNeeded);
        metadata.Audit(User.Name(), AuditAction.QuarantineDiscard, null, $"{item.Id} {Path.GetFileName(item.SourceFile)}: {reason!.Trim()}", clock.GetUtcNow());
        TempData["Message"] = string.Format(CultureInfo.CurrentCulture, WebTexts.Quarantine_Discarded, Path.GetFileName(item.SourceFile));
        return Redirect("/quarantine");
    }

    private QuarantineActions Actions() => new(store, metadata, scannerLines.Current, clock);

    private QuarantineReason? Find(string? id)
    {
        try
        {
            return id is null ? null : store.Read(id);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private IActionResult Failed(string error)
    {
        Items = store.List();
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

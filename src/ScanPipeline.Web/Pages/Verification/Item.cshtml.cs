using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using ScanPipeline.Web.Documents;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages.Verification;

/// <summary>
/// One Klärfall at the verification station: page thumbnails, the text and the model's three best types.
/// Keys 1–3 accept a suggestion (Assets/app.js); any other type is picked from a searchable list. The decision
/// routes the document and is recorded as labelled data (<see cref="DocumentCorrections.Verify"/>).
/// </summary>
public sealed class ItemModel(DocumentAccess access, MetadataStore metadata, EFileStore efiles, RoutingRules rules,
    DocumentCorrections corrections, TimeProvider clock) : PageModel
{
    public InboxListItem Document { get; private set; } = null!;
    public IReadOnlyList<TypeScore> Suggestions { get; private set; } = [];
    public IReadOnlyList<string> AllTypes { get; private set; } = [];
    public string Text { get; private set; } = "";
    public int Remaining { get; private set; }
    public string? Error { get; private set; }

    public IActionResult OnGet(string id)
    {
        if (!Load(id)) return NotFound();
        metadata.Audit(User.Name(), AuditAction.View, id, null, clock.GetUtcNow());
        return Page();
    }

    public IActionResult OnPost(string id, string? type)
    {
        if (access.Find(User, id) is null) return NotFound();
        var outcome = corrections.Verify(id, type?.Trim() ?? "", User.Name());
        if (!outcome.Succeeded)
        {
            Load(id);
            Error = string.Format(CultureInfo.CurrentCulture, WebTexts.Verification_UnknownType, type);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var correction = outcome.Correction!;
        metadata.Audit(User.Name(), AuditAction.Verify, id, $"{correction.CorrectedType} -> {correction.Department}", clock.GetUtcNow());
        TempData["Message"] = string.Format(CultureInfo.CurrentCulture, WebTexts.Verification_Done, correction.CorrectedType, correction.Department);
        // Straight on to the next Klärfall, as at a verification station.
        var next = metadata.SearchInbox(new InboxQuery([Routing.VerificationTarget], Limit: 1, OldestFirst: true)).Items;
        return Redirect(next.Count > 0 ? $"/verification/{next[0].Item.DocumentId}" : "/verification");
    }

    private bool Load(string id)
    {
        if (access.Find(User, id) is not { } document || document.Item.Department != Routing.VerificationTarget) return false;
        Document = document;
        AllTypes = rules.Rules.Select(r => r.DocumentType).Distinct().Order(StringComparer.CurrentCulture).ToList();
        // The model's own top three; a document that was never scored offers the types it could be.
        Suggestions = document.Summary.TopScores.Where(s => AllTypes.Contains(s.DocumentType)).Take(3).ToList();
        if (Suggestions.Count == 0 && AllTypes.Contains(document.Item.DocumentType))
            Suggestions = [new TypeScore(document.Item.DocumentType, document.Item.Confidence)];
        Text = efiles.ReadText(id);
        Remaining = metadata.SearchInbox(new InboxQuery([Routing.VerificationTarget], Limit: 1)).Total;
        return true;
    }
}

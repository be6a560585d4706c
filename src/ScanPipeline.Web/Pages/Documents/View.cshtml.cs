using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Storage;
using ScanPipeline.Web.Documents;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages.Documents;

/// <summary>
/// One document for its case worker: the searchable PDF, the recognised text and fields, notes, and the
/// actions erledigt, note, assign and forward. Every handler checks access again; each view and action is audited.
/// </summary>
public sealed class ViewModel(
    DocumentAccess access, MetadataStore metadata, EFileStore efiles, RoutingRules rules, DocumentCorrections corrections,
    TimeProvider clock) : PageModel
{
    public InboxListItem Document { get; private set; } = null!;
    public bool HasPdf { get; private set; }
    public string Text { get; private set; } = "";
    public string? CaseFile { get; private set; }
    public IReadOnlyList<(string Label, string Value)> FieldRows { get; private set; } = [];
    public IReadOnlyList<DocumentNote> Notes { get; private set; } = [];
    public IReadOnlyList<string> Colleagues { get; private set; } = [];
    public IReadOnlyList<Department> OtherDepartments { get; private set; } = [];
    public IReadOnlyList<RoutingRule> Rules => rules.Rules;
    public string? Error { get; private set; }

    public IActionResult OnGet(string id)
    {
        if (!Load(id)) return NotFound();
        metadata.Audit(User.Name(), AuditAction.View, id, null, clock.GetUtcNow());
        return Page();
    }

    public IActionResult OnPostDone(string id)
    {
        if (access.Find(User, id) is null) return NotFound();
        metadata.SetInboxStatus(id, InboxStatus.Done);
        metadata.Audit(User.Name(), AuditAction.MarkDone, id, null, clock.GetUtcNow());
        TempData["Message"] = WebTexts.Document_MarkedDone;
        return Redirect($"/documents/{id}");
    }

    public IActionResult OnPostNote(string id, string? note)
    {
        if (access.Find(User, id) is null) return NotFound();
        note = note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > 2000) return Invalid(id, WebTexts.Document_NoteInvalid);
        metadata.AddNote(id, User.Name(), note, clock.GetUtcNow());
        metadata.Audit(User.Name(), AuditAction.AddNote, id, null, clock.GetUtcNow());
        TempData["Message"] = WebTexts.Document_NoteAdded;
        return Redirect($"/documents/{id}");
    }

    public IActionResult OnPostAssign(string id, string? assignee)
    {
        if (access.Find(User, id) is not { } document) return NotFound();
        // Only a case worker of the document's department can be given it: nobody sees what is not theirs.
        if (assignee is null || metadata.ListUsersOfDepartment(document.Item.Department).All(u => u.Name != assignee))
            return Invalid(id, WebTexts.Document_AssigneeInvalid);
        metadata.Assign(id, assignee, User.Name(), clock.GetUtcNow());
        metadata.Audit(User.Name(), AuditAction.Assign, id, assignee, clock.GetUtcNow());
        TempData["Message"] = string.Format(CultureInfo.CurrentCulture, WebTexts.Document_Assigned, assignee);
        return Redirect($"/documents/{id}");
    }

    public IActionResult OnPostForward(string id, string? department, string? type)
    {
        if (access.Find(User, id) is null) return NotFound();
        var outcome = corrections.Forward(id, department ?? "", string.IsNullOrWhiteSpace(type) ? null : type, User.Name());
        if (!outcome.Succeeded)
            return Invalid(id, string.Format(CultureInfo.CurrentCulture, WebTexts.ResourceManager.GetString("Forward_" + outcome.Error, CultureInfo.CurrentUICulture)
                ?? WebTexts.Forward_Failed, string.Join(", ", outcome.Choices ?? [])));
        metadata.Audit(User.Name(), AuditAction.Forward, id, $"{outcome.Correction!.PreviousDepartment} -> {outcome.Correction.Department} ({outcome.Correction.CorrectedType})", clock.GetUtcNow());
        TempData["Message"] = string.Format(CultureInfo.CurrentCulture, WebTexts.Document_Forwarded, outcome.Correction.Department, outcome.Correction.CorrectedType);
        // The document has left this case worker's departments (unless they belong to both).
        return access.Find(User, id) is null ? Redirect("/inbox") : Redirect($"/documents/{id}");
    }

    private IActionResult Invalid(string id, string error)
    {
        Load(id);
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Load(string id)
    {
        if (access.Find(User, id) is not { } document) return false;
        Document = document;
        HasPdf = System.IO.File.Exists(efiles.PdfPath(id));
        Text = efiles.ReadText(id);
        Notes = metadata.ListNotes(id);
        Colleagues = metadata.ListUsersOfDepartment(document.Item.Department).Where(u => u.Role == UserRoles.CaseWorker).Select(u => u.Name).ToList();
        OtherDepartments = rules.Departments.Where(d => d.Code != document.Item.Department).ToList();
        if (metadata.FindDocumentFields(id) is { } stored)
        {
            CaseFile = stored.CaseFileReference;
            var fields = JsonSerializer.Deserialize<DocumentFields>(stored.FieldsJson, DocumentFields.JsonOptions) ?? DocumentFields.Empty;
            FieldRows = FieldTexts.Rows(fields);
        }
        return true;
    }
}

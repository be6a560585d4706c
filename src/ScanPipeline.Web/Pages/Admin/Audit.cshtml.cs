using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPipeline.Storage;

namespace ScanPipeline.Web.Pages.Admin;

/// <summary>The audit log: a document's trail (every view, download and action), or the latest entries.</summary>
public sealed class AuditModel(MetadataStore metadata) : PageModel
{
    public string? DocumentId { get; private set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public void OnGet(string? document)
    {
        DocumentId = EFileStore.IsDocumentId(document?.Trim()) ? document!.Trim() : null;
        Entries = DocumentId is null ? metadata.ListRecentAudit(200) : metadata.ListAudit(DocumentId);
    }
}

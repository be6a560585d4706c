using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPipeline.Storage;

namespace ScanPipeline.Web.Pages.Admin;

/// <summary>The audit log: a document's trail (every view, download and action), or the latest entries.</summary>
public sealed partial class AuditModel(MetadataStore metadata) : PageModel
{
    public string? DocumentId { get; private set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    [GeneratedRegex("^d-[0-9a-f]{20}$")]
    private static partial Regex DocumentIdPattern();

    public void OnGet(string? document)
    {
        DocumentId = document is not null && DocumentIdPattern().IsMatch(document.Trim()) ? document.Trim() : null;
        Entries = DocumentId is null ? metadata.ListRecentAudit(200) : metadata.ListAudit(DocumentId);
    }
}

using System.Security.Claims;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Documents;

/// <summary>
/// Who may see which document, decided on the server for every request: a case worker sees the documents
/// of their departments, an operator the verification list (Klärfälle), an admin no document content.
/// A document the user may not see is reported as not found, so ids cannot be probed.
/// </summary>
public sealed class DocumentAccess(MetadataStore metadata)
{
    public static IReadOnlyList<string> VisibleDepartments(ClaimsPrincipal user) =>
        user.IsCaseWorker() ? user.Departments()
        : user.IsOperator() ? [Routing.VerificationTarget]
        : [];

    /// <summary>The document when <paramref name="user"/> may see it; null when it does not exist or is not theirs.</summary>
    public InboxListItem? Find(ClaimsPrincipal user, string? documentId)
    {
        if (!EFileStore.IsDocumentId(documentId)) return null;
        var item = metadata.FindListItem(documentId);
        return item is not null && VisibleDepartments(user).Contains(item.Item.Department) ? item : null;
    }
}

using ScanPipeline.Storage;

namespace ScanPipeline.Web.Pages;

/// <summary>Display names of roles and statuses, from the resources.</summary>
public static class RoleText
{
    public static string For(string? role) => role switch
    {
        UserRoles.CaseWorker => WebTexts.Role_CaseWorker,
        UserRoles.Operator => WebTexts.Role_Operator,
        UserRoles.Admin => WebTexts.Role_Admin,
        _ => role ?? "",
    };

    public static string Status(string status) => status switch
    {
        InboxStatus.New => WebTexts.Status_New,
        InboxStatus.Done => WebTexts.Status_Done,
        _ => status,
    };
}

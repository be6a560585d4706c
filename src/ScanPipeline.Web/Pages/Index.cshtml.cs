using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages;

/// <summary>The start page is the user's work: the inbox, the verification list or the models.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsCaseWorker() ? Redirect("/inbox")
        : User.IsOperator() ? Redirect("/verification")
        : User.IsAdmin() ? Redirect("/admin/models")
        : Redirect("/status/403");
}

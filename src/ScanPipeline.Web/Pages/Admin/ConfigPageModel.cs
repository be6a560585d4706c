using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPipeline.Web.Configuration;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages.Admin;

/// <summary>What the configuration pages share: the admin check on every handler, and how a change's outcome is shown.</summary>
public abstract class ConfigPageModel : PageModel
{
    /// <summary>Why the last change was refused, in the user's language; empty when nothing was refused.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The /Admin folder is admin-only by policy; each handler checks again, so that no route around the policy opens a page.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!User.IsAdmin()) context.Result = Forbid();
    }

    /// <summary>Saved: back to the page (a reload does not post again) with the message. Refused: the page with the reasons, status 400.</summary>
    protected IActionResult Outcome(ConfigChangeResult result, Action load)
    {
        if (result.Saved)
        {
            TempData["Message"] = result.Message;
            return Redirect(Request.PathBase + Request.Path);
        }
        Errors = result.Errors;
        load();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

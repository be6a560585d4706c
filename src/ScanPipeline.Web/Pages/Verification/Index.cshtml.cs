using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;

namespace ScanPipeline.Web.Pages.Verification;

/// <summary>The operators' queue of Klärfälle: documents the model was unsure about, oldest last.</summary>
public sealed class IndexModel(MetadataStore metadata) : PageModel
{
    public const int Shown = 200;

    public InboxPage Result { get; private set; } = new([], 0);

    public void OnGet() => Result = metadata.SearchInbox(new InboxQuery([Routing.VerificationTarget], Limit: Shown, OldestFirst: true));
}

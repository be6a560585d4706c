using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScanPipeline.Web.Dashboard;

namespace ScanPipeline.Web.Pages.Dashboard;

/// <summary>
/// The operators' dashboard (operators and admins, policy "monitoring"). The page shows the figures once;
/// htmx then fetches <see cref="OnGetContentAsync"/> every Web:DashboardRefreshSeconds and swaps only the
/// figures, so the page neither reloads nor loses the keyboard focus.
/// </summary>
public sealed class IndexModel(DashboardFigures figures, IOptions<WebOptions> options) : PageModel
{
    public DashboardSnapshot Figures { get; private set; } = null!;

    public int RefreshSeconds => options.Value.DashboardRefreshSeconds;

    public async Task OnGetAsync(CancellationToken ct) => Figures = await figures.ReadAsync(ct);

    /// <summary>The figures alone (the partial _DashboardContent), for the page's own refresh.</summary>
    public async Task<PartialViewResult> OnGetContentAsync(CancellationToken ct)
    {
        Figures = await figures.ReadAsync(ct);
        return Partial("_DashboardContent", Figures);
    }
}

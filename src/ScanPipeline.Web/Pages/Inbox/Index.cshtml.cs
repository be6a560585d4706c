using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Storage;
using ScanPipeline.Web.Documents;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages.Inbox;

/// <summary>The case worker's Postkorb: their departments' post, newest first, with full-text search and filters.</summary>
public sealed class IndexModel(MetadataStore metadata, RoutingRules rules, IOptions<WebOptions> options) : PageModel
{
    public string? Q { get; private set; }
    public string? Type { get; private set; }
    public string? Status { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public bool HasNextPage { get; private set; }
    public InboxPage Result { get; private set; } = new([], 0);
    public IReadOnlyList<string> Types { get; private set; } = [];
    public string DepartmentNames { get; private set; } = "";

    public void OnGet(string? q, string? type, string? status, DateOnly? from, DateOnly? to, int page = 1)
    {
        (Q, Type, Status, From, To) = (q?.Trim(), Blank(type), Blank(status), from, to);
        var departments = DocumentAccess.VisibleDepartments(User);
        DepartmentNames = string.Join(", ", departments.Select(code =>
            rules.Departments.FirstOrDefault(d => d.Code == code) is { } d ? $"{d.Code} {d.Name}" : code));
        Types = rules.Rules.Where(r => departments.Contains(r.Department)).Select(r => r.DocumentType).Order(StringComparer.CurrentCulture).ToList();
        var size = options.Value.PageSize;
        PageNumber = Math.Max(1, page);
        Result = metadata.SearchInbox(new InboxQuery(departments, Q, Type, Status, From, To, size, (PageNumber - 1) * size));
        PageCount = Math.Max(1, (Result.Total + size - 1) / size);
        HasNextPage = Result.TotalIsCapped ? Result.Items.Count == size : PageNumber < PageCount;
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString("/inbox", new Dictionary<string, string?>
    {
        ["q"] = Q, ["type"] = Type, ["status"] = Status,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

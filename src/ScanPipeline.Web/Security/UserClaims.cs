using System.Security.Claims;
using ScanPipeline.Storage;

namespace ScanPipeline.Web.Security;

/// <summary>The claims a signed-in user carries, and the policies built on them.</summary>
public static class UserClaims
{
    public const string Department = "scanpipe:department";

    public const string CaseWorkerPolicy = "caseworker";
    public const string OperatorPolicy = "operator";
    public const string AdminPolicy = "admin";

    /// <summary>The dashboard: operators and admins.</summary>
    public const string MonitoringPolicy = "monitoring";

    public static ClaimsIdentity Identity(string name, string role, IEnumerable<string> departments, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim(ClaimTypes.Role, role));
        foreach (var department in departments) identity.AddClaim(new Claim(Department, department));
        return identity;
    }

    public static string Name(this ClaimsPrincipal user) => user.Identity?.Name ?? "?";

    public static string? Role(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value;

    public static IReadOnlyList<string> Departments(this ClaimsPrincipal user) =>
        user.FindAll(Department).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();

    public static bool IsCaseWorker(this ClaimsPrincipal user) => user.IsInRole(UserRoles.CaseWorker);
    public static bool IsOperator(this ClaimsPrincipal user) => user.IsInRole(UserRoles.Operator);
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(UserRoles.Admin);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Storage;

namespace ScanPipeline.Web.Security;

/// <summary>
/// Turns the identity provider's claims into a ScanPipeline user: the name, exactly one role, and for a case
/// worker the departments the routing rules know. Anything else the provider sends is not kept in the session.
/// </summary>
public static class OidcClaims
{
    /// <summary>Null when the token names no user or no ScanPipeline role: such a sign-in is refused.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal external, OidcOptions oidc, RoutingRules rules)
    {
        var name = external.FindFirst(oidc.NameClaim)?.Value ?? external.FindFirst("sub")?.Value;
        // Several roles in the token: the one with the least rights wins, so a token never grants more than meant.
        var roles = external.FindAll(oidc.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var role = UserRoles.All.FirstOrDefault(roles.Contains);
        if (string.IsNullOrWhiteSpace(name) || role is null) return null;
        var departments = role == UserRoles.CaseWorker
            ? external.FindAll(oidc.DepartmentClaim).Select(c => c.Value).Where(d => rules.Departments.Any(known => known.Code == d))
            : [];
        return new ClaimsPrincipal(UserClaims.Identity("oidc:" + name, role, departments, OpenIdConnectDefaults.AuthenticationScheme));
    }
}

using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPipeline.Core.Configuration;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Web;
using ScanPipeline.Web.Security;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Security;

public sealed class ClaimsAndThrottleTests
{
    private static readonly RoutingRules Rules = RoutingRules.Load(Repository.Path("config/routing-rules.json"));

    private static ClaimsPrincipal External(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void A_provider_token_keeps_the_name_the_least_privileged_role_and_known_departments_only()
    {
        var mapped = OidcClaims.Map(External(("preferred_username", "erika"), ("roles", "admin"), ("roles", "caseworker"),
            ("departments", "20"), ("departments", "99"), ("email", "erika@stadt.example")), new OidcOptions(), Rules)!;
        Assert.Equal("oidc:erika", mapped.Name());
        Assert.Equal(UserRoles.CaseWorker, mapped.Role());
        Assert.Equal(["20"], mapped.Departments());
        Assert.Null(mapped.FindFirst("email"));
    }

    [Fact]
    public void Departments_are_kept_only_for_case_workers_and_configured_claim_names_are_used()
    {
        var options = new OidcOptions { RoleClaim = "groups", DepartmentClaim = "amt", NameClaim = "upn" };
        var mapped = OidcClaims.Map(External(("upn", "otto"), ("groups", "operator"), ("amt", "20")), options, Rules)!;
        Assert.Equal((UserRoles.Operator, "oidc:otto"), (mapped.Role(), mapped.Name()));
        Assert.Empty(mapped.Departments());
        Assert.Null(OidcClaims.Map(External(("upn", "otto"), ("roles", "operator")), options, Rules));
        Assert.Null(OidcClaims.Map(External(("groups", "admin")), options, Rules));
    }

    [Fact]
    public void The_login_throttle_opens_again_after_the_lockout_window()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var throttle = new LoginThrottle(Options.Create(new WebOptions { MaxFailedSignIns = 2, SignInLockout = TimeSpan.FromMinutes(10) }), clock);
        throttle.RecordFailure("10.0.0.1", "Anna");
        Assert.False(throttle.IsLocked("10.0.0.1", "anna", out _));
        throttle.RecordFailure("10.0.0.1", "anna");
        Assert.True(throttle.IsLocked("10.0.0.1", "ANNA", out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(10), retryAfter);
        Assert.False(throttle.IsLocked("10.0.0.2", "anna", out _));   // another client
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(throttle.IsLocked("10.0.0.1", "anna", out _));
        throttle.RecordFailure("10.0.0.1", "anna");
        throttle.RecordSuccess("10.0.0.1", "anna");
        throttle.RecordFailure("10.0.0.1", "anna");
        Assert.False(throttle.IsLocked("10.0.0.1", "anna", out _));   // a success cleared the count
    }
}

using System.ComponentModel.DataAnnotations;

namespace ScanPipeline.Web;

/// <summary>Settings of the web role (section "Web").</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Where the pages listen when neither --urls nor ASPNETCORE_URLS says otherwise. HTTPS only: the cookies are Secure.</summary>
    public string Urls { get; set; } = "https://127.0.0.1:5443";

    /// <summary>Failed sign-ins from one address for one account before the login answers 429.</summary>
    [Range(1, 1000)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long failed sign-ins are remembered, and how long the login stays closed after too many.</summary>
    public TimeSpan SignInLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Idle time after which a session ends.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Rows per inbox page.</summary>
    [Range(10, 500)]
    public int PageSize { get; set; } = 50;

    /// <summary>Seconds between the dashboard's own refreshes.</summary>
    [Range(2, 3600)]
    public int DashboardRefreshSeconds { get; set; } = 15;

    /// <summary>Seconds between two readings of the queue depths for the dashboard's backlog history; 0 turns sampling off.</summary>
    [Range(0, 3600)]
    public int DashboardSampleSeconds { get; set; } = 30;

    /// <summary>pdftoppm's time limit for one page thumbnail.</summary>
    public TimeSpan ThumbnailTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>OpenID Connect sign-in (a city's Keycloak or ADFS); off when <see cref="OidcOptions.Authority"/> is empty.</summary>
    public OidcOptions Oidc { get; set; } = new();
}

public sealed class OidcOptions
{
    /// <summary>The issuer, e.g. https://keycloak.stadt.example/realms/verwaltung. Empty: local accounts only.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the ScanPipeline role (caseworker, operator or admin).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that carries the department codes of a case worker.</summary>
    public string DepartmentClaim { get; set; } = "departments";

    /// <summary>The claim used as the user name in the audit log.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Only for a test identity provider on plain HTTP; never in production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

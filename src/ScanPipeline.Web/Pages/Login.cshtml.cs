using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScanPipeline.Storage;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages;

public sealed class LoginModel(UserAccounts accounts, LoginThrottle throttle, MetadataStore metadata, TimeProvider clock,
    IOptions<WebOptions> options) : PageModel
{
    public string? Error { get; private set; }
    public string? Name { get; private set; }
    public string ReturnUrl { get; private set; } = "/";
    public bool OidcEnabled => !string.IsNullOrWhiteSpace(options.Value.Oidc.Authority);

    public void OnGet(string? returnUrl, string? failed)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (failed == "oidc") Error = WebTexts.Login_OidcFailed;
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        Name = name = (name ?? "").Trim();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsLocked(client, name, out var retryAfter))
        {
            Error = string.Format(CultureInfo.CurrentCulture, WebTexts.Login_TooManyAttempts, Math.Ceiling(retryAfter.TotalMinutes));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        var user = name.Length > 0 && !string.IsNullOrEmpty(password) ? accounts.Verify(name, password) : null;
        if (user is null)
        {
            throttle.RecordFailure(client, name);
            metadata.Audit(name.Length > 0 ? name : "?", AuditAction.SignInFailed, null, client, clock.GetUtcNow());
            Error = WebTexts.Login_Failed;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        throttle.RecordSuccess(client, name);
        metadata.Audit(user.Name, AuditAction.SignIn, null, client, clock.GetUtcNow());
        var identity = UserClaims.Identity(user.Name, user.Role, user.Departments, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(ReturnUrl);
    }

    public IActionResult OnPostOidc(string? returnUrl) => OidcEnabled
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, OpenIdConnectDefaults.AuthenticationScheme)
        : NotFound();

    private string SafeReturnUrl(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}

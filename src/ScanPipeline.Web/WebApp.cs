using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Storage;
using ScanPipeline.Web.Configuration;
using ScanPipeline.Web.Dashboard;
using ScanPipeline.Web.Documents;
using ScanPipeline.Web.ModelAdmin;
using ScanPipeline.Web.Security;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Hosting;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Web;

/// <summary>
/// The web role: composition of services and the request pipeline. It reads the same configuration as the
/// pipeline host (appsettings.json next to the binary, SCANPIPE_ environment variables) and works on the
/// same embedded stores.
/// </summary>
public static class WebApp
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("de"), CultureInfo.GetCultureInfo("en")];

    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("SCANPIPE_")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.Urls ?? new WebOptions().Urls);
        builder.AddScanPipelineWeb();
        var app = builder.Build();
        app.UseScanPipelineWeb();
        return app;
    }

    public static void AddScanPipelineWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateDataAnnotations();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        services.AddConfigurationFiles();
        services.AddConfigEditing(configuration);
        services.AddTransient<DocumentCorrections>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DocumentAccess>();
        services.AddSingleton<PageThumbnails>();
        services.AddDashboard(configuration);
        services.AddModelAdministration(configuration);

        // Cookie keys survive a restart (sessions stay valid) and are shared by every web process on the machine.
        // The folder is read from the bound options, so that settings added late (tests) count.
        services.AddDataProtection().SetApplicationName("ScanPipeline");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "web-keys")), logs));
        var dataDirectory = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.DataDirectory ?? "var/data";
        if (string.IsNullOrEmpty(configuration["Kestrel:Certificates:Default:Path"]))
        {
            var certificate = new Lazy<System.Security.Cryptography.X509Certificates.X509Certificate2>(() => TlsCertificate.LoadOrCreate(dataDirectory));
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (_, _) => certificate.Value));
        }

        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "ScanPipeline.Session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/status/403";
                options.ExpireTimeSpan = web.SessionTimeout;
                options.SlidingExpiration = true;
            });
        if (!string.IsNullOrWhiteSpace(web.Oidc.Authority)) authentication.AddScanPipelineOpenIdConnect(web.Oidc);

        services.AddAuthorizationBuilder()
            .AddPolicy(UserClaims.CaseWorkerPolicy, p => p.RequireRole(UserRoles.CaseWorker))
            .AddPolicy(UserClaims.OperatorPolicy, p => p.RequireRole(UserRoles.Operator))
            .AddPolicy(UserClaims.AdminPolicy, p => p.RequireRole(UserRoles.Admin))
            .AddPolicy(UserClaims.MonitoringPolicy, p => p.RequireRole(UserRoles.Operator, UserRoles.Admin));

        // German text as it is (ä, ß, „…“) instead of numeric character references; markup is still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ScanPipeline.Antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToPage("/Login");
                options.Conventions.AllowAnonymousToPage("/Status");
                options.Conventions.AllowAnonymousToPage("/Language");
                options.Conventions.AuthorizeFolder("/Inbox", UserClaims.CaseWorkerPolicy);
                options.Conventions.AuthorizeFolder("/Documents", UserClaims.CaseWorkerPolicy);
                options.Conventions.AuthorizeFolder("/Verification", UserClaims.OperatorPolicy);
                options.Conventions.AuthorizeFolder("/Quarantine", UserClaims.OperatorPolicy);
                options.Conventions.AuthorizeFolder("/Admin", UserClaims.AdminPolicy);
                options.Conventions.AuthorizeFolder("/Dashboard", UserClaims.MonitoringPolicy);
            })
            .AddViewLocalization()
            // `scanpipe web` runs this assembly from another entry point: name it, once, as the home of the pages.
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(WebApp).Assembly;
                if (parts.ApplicationParts.OfType<AssemblyPart>().All(p => p.Assembly != assembly))
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                        parts.ApplicationParts.Add(part);
            });
        services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // Only the user's own choice (a cookie) switches language; the browser's Accept-Language does not,
            // so that a mailroom sees German unless someone asks for English.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    public static void UseScanPipelineWeb(this WebApplication app)
    {
        // Server time of every response, for the browser's developer tools and the inbox benchmark.
        app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["Server-Timing"] =
                    "app;dur=" + Stopwatch.GetElapsedTime(start).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/status/500");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/assets",
            FileProvider = new EmbeddedFileProvider(typeof(WebApp).Assembly, "ScanPipeline.Web.Assets"),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapDocumentFiles();
    }

    /// <summary>
    /// Sign-in through the city's identity provider. The provider's token names the user's role and, for a
    /// case worker, departments (<see cref="OidcOptions.RoleClaim"/>, <see cref="OidcOptions.DepartmentClaim"/>);
    /// the session keeps only those, in the same form as a local account's.
    /// </summary>
    private static void AddScanPipelineOpenIdConnect(this AuthenticationBuilder authentication, OidcOptions oidc) =>
        authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false;
            options.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile" }) options.Scope.Add(scope);
            options.Events.OnTokenValidated = context =>
            {
                var rules = context.HttpContext.RequestServices.GetRequiredService<RoutingRules>();
                if (OidcClaims.Map(context.Principal!, oidc, rules) is { } principal) context.Principal = principal;
                else context.Fail("The identity provider's token names no ScanPipeline role.");
                return Task.CompletedTask;
            };
            // A refused or broken sign-in returns to the login page with a message, not to an error page.
            options.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ScanPipeline.Web.Oidc")
                    .LogWarning("OpenID Connect sign-in refused: {Reason}", context.Failure?.Message);
                context.Response.Redirect("/login?failed=oidc");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });

    /// <summary>The options as bound, for pages that show limits.</summary>
    public static WebOptions Options(this HttpContext context) => context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value;
}

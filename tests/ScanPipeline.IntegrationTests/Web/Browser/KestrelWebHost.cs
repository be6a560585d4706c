using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Web.Security;

namespace ScanPipeline.IntegrationTests.Web.Browser;

/// <summary>A browser needs a real server: the web test host on Kestrel instead of the in-memory TestServer.</summary>
public static class KestrelWebHost
{
    // The web role's own self-signed certificate, made once for all browser tests (an RSA key takes a while).
    private static readonly Lazy<X509Certificate2> Certificate = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("scanpipe-browser-tls-");
        try
        {
            return TlsCertificate.LoadOrCreate(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    });

    /// <summary>
    /// Starts <paramref name="host"/> on Kestrel, HTTPS only, on a free loopback port, with a self-signed
    /// certificate as the web role makes one. Call it before anything else touches the host.
    /// Returns the base address, e.g. https://127.0.0.1:41234.
    /// </summary>
    public static string StartOnKestrel(this WebTestHost host)
    {
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate.Value)));
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal));
    }
}

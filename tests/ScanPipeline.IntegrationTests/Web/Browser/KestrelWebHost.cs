using System.Net;
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
    /// <summary>
    /// Starts <paramref name="host"/> on Kestrel, HTTPS only, on a free loopback port, with the self-signed
    /// certificate the web role makes in its data directory. Call it before anything else touches the host.
    /// Returns the base address, e.g. https://127.0.0.1:41234.
    /// </summary>
    public static string StartOnKestrel(this WebTestHost host)
    {
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0,
            listen => listen.UseHttps(TlsCertificate.LoadOrCreate(host.DataDirectory))));
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal));
    }
}

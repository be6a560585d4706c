using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScanPipeline.Web.Security;

/// <summary>
/// The HTTPS certificate when none is configured (Kestrel:Certificates:Default): a self-signed one for this
/// machine, made on first start and kept in the data directory. The session and anti-forgery cookies are
/// Secure, so the pages are served over HTTPS only; a city installs its own certificate or a TLS proxy.
/// </summary>
public static class TlsCertificate
{
    public static X509Certificate2 LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "web-tls.pfx");
        if (File.Exists(path)) return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);

        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=ScanPipeline " + Environment.MachineName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName(Environment.MachineName);
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, certificate.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }
}

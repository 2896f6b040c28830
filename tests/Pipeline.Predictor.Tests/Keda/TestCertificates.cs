using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pipeline.Predictor.Tests.Keda;

/// <summary>
/// A throw-away PKI made in the test: a CA, a server certificate it issued for 127.0.0.1/localhost, a client certificate
/// it issued, and a client certificate from another (rogue) CA; certificates and keys also written as PEM files.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keda-tls-").FullName;

    public TestCertificates()
    {
        Ca = Authority("CN=pipeline test CA");
        Server = Issue(Ca, "CN=localhost", "1.3.6.1.5.5.7.3.1", san: true);
        Client = Issue(Ca, "CN=keda-operator", "1.3.6.1.5.5.7.3.2");
        RogueClient = Issue(Authority("CN=rogue CA"), "CN=keda-operator", "1.3.6.1.5.5.7.3.2");
        CaFile = Write("ca.pem", Ca.ExportCertificatePem());
        ServerCertFile = Write("server.pem", Server.ExportCertificatePem());
        ServerKeyFile = Write("server.key", Server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        ClientKeyFile = Write("client.key", Client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Ca { get; }
    public X509Certificate2 Server { get; }
    public X509Certificate2 Client { get; }
    public X509Certificate2 RogueClient { get; }
    public string CaFile { get; }
    public string ServerCertFile { get; }
    public string ServerKeyFile { get; }
    public string ClientKeyFile { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string pem)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, pem);
        return path;
    }

    private static X509Certificate2 Authority(string subject)
    {
        var request = new CertificateRequest(subject, ECDsa.Create(ECCurve.NamedCurves.nistP256), HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string usage, bool san = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (san)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}

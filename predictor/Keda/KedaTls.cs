using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Pipeline.Predictor.Keda;

/// <summary>
/// TLS of the KEDA scaler's port: the server certificate and key from PEM files and, with a client CA, mutual TLS that
/// accepts only client certificates issued by that CA (what KEDA sends with <c>tlsClientCert</c>/<c>tlsClientKey</c>).
/// Unreadable or mismatched files throw <see cref="InvalidOperationException"/> naming them.
/// </summary>
internal static class KedaTls
{
    /// <summary>The HTTPS options of <paramref name="options"/>, or null for plaintext; reads and checks the files now.</summary>
    public static HttpsConnectionAdapterOptions? Create(KedaScalerOptions options)
    {
        if (options.CertificateFile.Length == 0)
        {
            if (options.ClientCaFile.Length > 0) throw new InvalidOperationException("KEDA scaler TLS: a client CA needs a server certificate (--keda-tls-cert)");
            return null;
        }
        var https = new HttpsConnectionAdapterOptions { ServerCertificate = Load(options) };
        if (options.ClientCaFile.Length > 0)
        {
            var roots = Read(options.ClientCaFile, () => { var c = new X509Certificate2Collection(); c.ImportFromPemFile(options.ClientCaFile); return c; });
            if (roots.Count == 0) throw new InvalidOperationException($"KEDA client CA file {options.ClientCaFile} holds no certificate");
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => ClientCertificates.IssuedBy(certificate, roots);
        }
        return https;
    }

    private static X509Certificate2 Load(KedaScalerOptions options) => Read(options.CertificateFile, () =>
        X509Certificate2.CreateFromPemFile(options.CertificateFile, options.KeyFile.Length > 0 ? options.KeyFile : null));

    private static T Read<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"KEDA scaler TLS: cannot use {file}: {e.Message}", e);
        }
    }
}

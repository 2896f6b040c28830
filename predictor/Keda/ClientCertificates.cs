using System.Security.Cryptography.X509Certificates;

namespace Pipeline.Predictor.Keda;

/// <summary>Whether a client certificate chains to one of the given CA certificates (and no other root), valid now, for client authentication.</summary>
internal static class ClientCertificates
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    public static bool IssuedBy(X509Certificate2 certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(ClientAuthentication));
        return chain.Build(certificate);
    }
}

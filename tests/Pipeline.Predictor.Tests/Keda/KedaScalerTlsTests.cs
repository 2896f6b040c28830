using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Keda;
using Pipeline.TestSupport.Influx;

namespace Pipeline.Predictor.Tests.Keda;

/// <summary>The KEDA scaler over TLS and mutual TLS (certificates made in the test), called by a real gRPC client over loopback.</summary>
public sealed class KedaScalerTlsTests : IDisposable
{
    private readonly TestCertificates _pki = new();
    private readonly LatestScaleDecisions _decisions = new();

    public KedaScalerTlsTests() => _decisions.Record(new ScaleDecision
    {
        Id = "d1", Service = "checkout", Timestamp = DateTimeOffset.UtcNow, Policy = "predictive", DesiredReplicas = 6, Explanation = "test",
    });

    public void Dispose() => _pki.Dispose();

    private Task<KedaScalerServer> StartAsync(bool requireClientCertificate = false) => KedaScalerServer.StartAsync(new KedaScalerOptions
    {
        Port = FreePort.Next(), CertificateFile = _pki.ServerCertFile, KeyFile = _pki.ServerKeyFile,
        ClientCaFile = requireClientCertificate ? _pki.CaFile : "",
    }, _decisions);

    private async Task<double> DesiredAsync(Uri url, X509Certificate2? clientCertificate = null, List<X509Certificate2>? seen = null)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            var presented = new X509Certificate2(certificate!);
            seen?.Add(presented);
            // the test CA is in no system store: trust exactly the certificate it issued to the server, for the right name
            return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && presented.Thumbprint == _pki.Server.Thumbprint;
        };
        if (clientCertificate is not null) handler.SslOptions.ClientCertificates = [clientCertificate];
        using var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions { HttpHandler = handler });
        var request = new GetMetricsRequest { ScaledObjectRef = new ScaledObjectRef { Name = "checkout", Namespace = "shop" } };
        var response = await new ExternalScaler.ExternalScalerClient(channel).GetMetricsAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));
        return Assert.Single(response.MetricValues).MetricValueFloat;
    }

    [Fact]
    public async Task GetMetrics_ClientTrustingTheCa_DecisionOverTlsWithTheServersCertificate()
    {
        await using var server = await StartAsync();
        var seen = new List<X509Certificate2>();

        var desired = await DesiredAsync(server.Url, seen: seen);

        Assert.Equal(("https", 6.0), (server.Url.Scheme, desired));
        Assert.Equal(_pki.Server.Thumbprint, Assert.Single(seen).Thumbprint);
    }

    [Fact]
    public async Task GetMetrics_PlaintextClientOnTheTlsPort_Fails()
    {
        await using var server = await StartAsync();

        await Assert.ThrowsAsync<RpcException>(() => DesiredAsync(new UriBuilder(server.Url) { Scheme = "http" }.Uri));
    }

    [Fact]
    public async Task GetMetrics_ClientCaRequired_OnlyACertificateItIssuedIsAnswered()
    {
        await using var server = await StartAsync(requireClientCertificate: true);

        Assert.Equal(6.0, await DesiredAsync(server.Url, _pki.Client));
        await Assert.ThrowsAsync<RpcException>(() => DesiredAsync(server.Url));
        await Assert.ThrowsAsync<RpcException>(() => DesiredAsync(server.Url, _pki.RogueClient));
    }

    [Fact]
    public async Task StartAsync_KeyOfAnotherCertificateOrMissingFile_ThrowsNamingTheFile()
    {
        var wrongKey = new KedaScalerOptions { Port = FreePort.Next(), CertificateFile = _pki.ServerCertFile, KeyFile = _pki.ClientKeyFile };
        var missing = new KedaScalerOptions { Port = FreePort.Next(), CertificateFile = _pki.ServerCertFile + ".absent" };

        var mismatch = await Assert.ThrowsAsync<InvalidOperationException>(() => KedaScalerServer.StartAsync(wrongKey, _decisions));
        var absent = await Assert.ThrowsAsync<InvalidOperationException>(() => KedaScalerServer.StartAsync(missing, _decisions));

        Assert.Contains(_pki.ServerCertFile, mismatch.Message, StringComparison.Ordinal);
        Assert.Contains(".absent", absent.Message, StringComparison.Ordinal);
    }
}

using k8s.Models;
using Pipeline.Deploy.Tests.Checks;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests;

/// <summary>deploy/keda-tls: the predictor serves the scaler over mutual TLS from a mounted Secret and KEDA's trigger authenticates.</summary>
public sealed class KedaTlsTests
{
    [Theory]
    [InlineData("keda")]
    [InlineData("keda-tls")]
    public void Overlay_BothSidesOfTheScalersTlsAgree(string overlay)
    {
        var objects = Overlay.Build(overlay);

        Assert.Empty(KedaTls.Problems(objects));
        Assert.Empty(KedaTrigger.Problems(objects));
    }

    [Fact]
    public void KedaTlsOverlay_PredictorRequiresClientCertificates()
    {
        var predictor = StageContainer.Single(Overlay.Build("keda-tls"), "predictor");

        Assert.Equal("/etc/pipeline/keda-tls/ca.crt", predictor.Value<string>("--keda-tls-client-ca"));
        Assert.Equal("pipeline-predictor-tls", Assert.Single(predictor.Pod.Spec.Volumes, v => v.Secret is not null).Secret.SecretName);
    }

    [Fact]
    public void Problems_ClientKeyMissingOrCertificateNotMounted_Reported()
    {
        var objects = Overlay.Build("keda-tls");
        objects.Select(m => m.Object).OfType<TriggerAuthentication>().Single().Spec!.SecretTargetRef.RemoveAll(r => r.Parameter == "tlsClientKey");
        StageContainer.Single(objects, "predictor").Container.VolumeMounts.Remove(StageContainer.Single(objects, "predictor").Container.VolumeMounts.Single(m => m.Name == "keda-tls"));

        var problems = KedaTls.Problems(objects);

        Assert.Contains("checkout: the scaler serves TLS but the trigger has no tlsClientKey", problems);
        Assert.Contains("--keda-tls-cert /etc/pipeline/keda-tls/tls.crt is not on a mounted Secret", problems);
    }

    [Fact]
    public void Problems_TlsTriggerAgainstAPlaintextScaler_Reported()
    {
        var objects = Overlay.Build("keda-tls").Where(m => m.Object is not V1Deployment { Metadata.Name: "pipeline-predictor" })
            .Concat(Overlay.Build("keda").Where(m => m.Object is V1Deployment { Metadata.Name: "pipeline-predictor" })).ToList();

        Assert.Contains("checkout: the trigger asks for TLS from a plaintext scaler", KedaTls.Problems(objects));
    }
}

using Pipeline.Deploy.Tests.Checks;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests;

/// <summary>The KEDA overlay's ScaledObject has what KEDA requires and its external trigger reaches the predictor's scaler.</summary>
public sealed class ScaledObjectTests
{
    [Fact]
    public void KedaOverlay_ScaledObjectReachesThePredictorsScalerForTheIngestedService()
    {
        var objects = Overlay.Build("keda");

        Assert.Empty(KedaTrigger.Problems(objects));
        var so = Assert.Single(objects.Select(m => m.Object).OfType<ScaledObject>());
        Assert.Equal(("checkout", "shop"), (so.Spec!.ScaleTargetRef!.Name, so.Metadata!.NamespaceProperty));
    }

    [Theory]
    [InlineData("pipeline-predictor.pipeline.svc", "does not reach")]                // no port
    [InlineData("pipeline-predictor.pipeline.svc:9463", "does not reach")]           // the metrics port, not the scaler
    [InlineData("pipeline-predictor.shop.svc:9470", "does not reach")]               // wrong namespace
    [InlineData("pipeline-predictor.pipeline.svc.cluster.local:9470", null)]
    public void Problems_ScalerAddress_ReportedUnlessItReachesTheKedaPort(string address, string? expected)
    {
        var objects = Overlay.Build("keda");
        objects.Select(m => m.Object).OfType<ScaledObject>().Single().Spec!.Triggers![0].Metadata!["scalerAddress"] = address;

        var problems = KedaTrigger.Problems(objects);

        if (expected is null) Assert.Empty(problems);
        else Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_MissingTargetNameOrUnknownService_Reported()
    {
        var objects = Overlay.Build("keda");
        var so = objects.Select(m => m.Object).OfType<ScaledObject>().Single();
        so.Spec!.ScaleTargetRef!.Name = null;
        so.Spec.Triggers![0].Metadata!["service"] = "payments";

        var problems = KedaTrigger.Problems(objects);

        Assert.Contains("checkout: no scaleTargetRef.name", problems);
        Assert.Contains(problems, p => p.StartsWith("checkout: service 'payments' is not what ingest publishes", StringComparison.Ordinal));
    }
}

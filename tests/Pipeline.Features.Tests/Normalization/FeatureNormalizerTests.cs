using Pipeline.Contracts.Messages;
using Pipeline.Features.Normalization;

namespace Pipeline.Features.Tests.Normalization;

public sealed class FeatureNormalizerTests
{
    private static FeatureWindow Window(string service, double requestRate, double latencyP95 = double.NaN) => new()
    {
        Service = service,
        WindowStart = DateTimeOffset.UnixEpoch,
        WindowEnd = DateTimeOffset.UnixEpoch.AddSeconds(15),
        RequestRate = requestRate,
        LatencyP95Ms = latencyP95,
    };

    [Fact]
    public void Apply_ScoresAgainstEarlierWindowsOnly()
    {
        var normalizer = new FeatureNormalizer();
        normalizer.Apply(Window("web", 10));
        normalizer.Apply(Window("web", 20));

        var scored = normalizer.Apply(Window("web", 25));

        // Earlier windows: mean 15, sample sd 7.0711.
        Assert.Equal((25 - 15) / Math.Sqrt(50), scored.Normalized[NormalizedFeatures.RequestRate], 9);
        Assert.Equal(3, normalizer.Statistics("web", NormalizedFeatures.RequestRate)!.Count);
    }

    [Fact]
    public void Apply_ServicesAreIndependent()
    {
        var normalizer = new FeatureNormalizer();
        normalizer.Apply(Window("a", 10));
        normalizer.Apply(Window("a", 20));

        var scored = normalizer.Apply(Window("b", 1000));

        Assert.Equal(0, scored.Normalized[NormalizedFeatures.RequestRate]);
    }

    [Fact]
    public void Apply_NaNFeature_IsOmittedAndNotCounted()
    {
        var normalizer = new FeatureNormalizer();

        var scored = normalizer.Apply(Window("web", 10, latencyP95: double.NaN));

        Assert.False(scored.Normalized.ContainsKey(NormalizedFeatures.LatencyP95Ms));
        Assert.Equal(0, normalizer.Statistics("web", NormalizedFeatures.LatencyP95Ms)!.Count);
    }
}

using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Predictor.Tests.Predictive;

/// <summary>Where the load outgrew the ready replicas: the first window of each saturation, the newest eight kept.</summary>
public class SaturationOnsetsTests
{
    [Fact]
    public void Observe_OnlyTheFirstSaturatedWindowOfARun_IsAnOnset()
    {
        var onsets = new SaturationOnsets();
        onsets.Observe(10, saturated: false);
        onsets.Observe(11, saturated: true);
        onsets.Observe(12, saturated: true);
        onsets.Observe(13, saturated: false);

        Assert.True(onsets.Covers(11, span: 0));
        Assert.False(onsets.Covers(12, span: 0), "the second saturated window continues the run");
        Assert.True(onsets.Covers(14, span: 3));
        Assert.False(onsets.Covers(15, span: 3));
        Assert.False(onsets.Covers(10, span: 3), "before the onset");
    }

    [Fact]
    public void Observe_NinthOnset_OverwritesTheOldest()
    {
        var onsets = new SaturationOnsets();
        for (var i = 0; i < 9; i++)
        {
            onsets.Observe(100 * i, saturated: true);
            onsets.Observe(100 * i + 1, saturated: false);
        }

        Assert.False(onsets.Covers(0, span: 0));
        for (var i = 1; i < 9; i++) Assert.True(onsets.Covers(100 * i, span: 0), $"onset {i}");
    }

    [Fact]
    public void Empty_CoversNothing_IndexZeroIncluded()
    {
        var onsets = new SaturationOnsets();
        Assert.False(onsets.Covers(0, span: 5));
        onsets.Observe(0, saturated: true);
        Assert.True(onsets.Covers(0, span: 0));
    }
}

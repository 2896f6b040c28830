using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Predictor.Tests.Predictive;

public class SurgeGrowthTests
{
    /// <summary>A surprise of <paramref name="size"/> at <paramref name="onset"/> req/s, then the windows after it.</summary>
    private static void Follow(ref SurgeGrowth surge, double size, double onset, params double[] after)
    {
        surge.Observe(onset, onset: true, size, windowsToReady: after.Length);
        foreach (var rate in after) surge.Observe(rate, onset: false, size: double.NaN, windowsToReady: 0);
    }

    [Fact]
    public void Factor_BeforeAnySurprise_IsOne()
    {
        var surge = new SurgeGrowth();
        surge.Observe(500, onset: false, size: 3, windowsToReady: 5);

        Assert.Equal(1, surge.Factor(3));
    }

    [Fact]
    public void Factor_AfterASurpriseThatKeptRising_IsItsRateWhenReadyOverItsOnsetRate()
    {
        var surge = new SurgeGrowth();
        // The rate when the replicas requested at the onset are ready, not the peak on the way.
        Follow(ref surge, size: 3, onset: 100, 250, 180);

        Assert.Equal(1.8, surge.Factor(3), 2);
    }

    [Fact]
    public void Factor_AfterASurpriseThatFaded_IsOne()
    {
        var surge = new SurgeGrowth();
        Follow(ref surge, size: 3, onset: 100, 60, 40);

        Assert.Equal(1, surge.Factor(3));
    }

    [Fact]
    public void Factor_SmallSurprisesDoNotOverwriteWhatLargeOnesDid()
    {
        var surge = new SurgeGrowth();
        Follow(ref surge, size: 3, onset: 100, 200);
        Follow(ref surge, size: 1.1, onset: 100, 90);

        Assert.Equal(2, surge.Factor(3), 2);
        Assert.Equal(1, surge.Factor(1.1));
    }

    [Fact]
    public void Factor_OfASizeNotSeenYet_IsTheNearestSizeSeen()
    {
        var surge = new SurgeGrowth();
        Follow(ref surge, size: 3, onset: 100, 200);

        Assert.Equal(2, surge.Factor(6), 2);
        Assert.Equal(2, surge.Factor(1.05), 2);
    }

    [Fact]
    public void Observe_AnOnsetWhileASurpriseIsFollowed_IsIgnored()
    {
        var surge = new SurgeGrowth();
        surge.Observe(100, onset: true, size: 3, windowsToReady: 2);
        surge.Observe(400, onset: true, size: 5, windowsToReady: 2); // still following the first
        surge.Observe(150, onset: false, size: double.NaN, windowsToReady: 0);

        Assert.Equal(1.5, surge.Factor(3), 2);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Observe_AnInvalidRate_ChangesNothing(double rate)
    {
        var surge = new SurgeGrowth();
        surge.Observe(100, onset: true, size: 3, windowsToReady: 1);
        surge.Observe(rate, onset: false, size: double.NaN, windowsToReady: 0);
        surge.Observe(130, onset: false, size: double.NaN, windowsToReady: 0);

        Assert.Equal(1.3, surge.Factor(3), 2);
    }

    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(1.41, 0)]
    [InlineData(1.42, 1)]
    [InlineData(2.0, 2)]
    [InlineData(3.0, 3)]
    [InlineData(1000.0, 7)]
    public void Bin_IsTheHalfOctaveOfTheSize(double size, int bin) => Assert.Equal(bin, SurgeGrowth.Bin(size));
}

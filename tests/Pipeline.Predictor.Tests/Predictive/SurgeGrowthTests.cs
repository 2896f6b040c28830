using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Predictor.Tests.Predictive;

public class SurgeGrowthTests
{
    /// <summary>A surprise of <paramref name="size"/> at <paramref name="onset"/> req/s, then the windows after it (back inside the bound).</summary>
    private static void Follow(ref SurgeGrowth surge, double size, double onset, params double[] after)
    {
        surge.Observe(onset, onset: true, size, windowsToReady: after.Length);
        foreach (var rate in after) surge.Observe(rate, onset: false, size: 0, windowsToReady: 0);
    }

    /// <summary>
    /// The factor on its onset rate a new surprise sizes for, its windows so far <paramref name="sizes"/> times their
    /// upper bound (the last one its onset).
    /// </summary>
    private static double FactorAt(SurgeGrowth surge, params double[] sizes)
    {
        foreach (var size in sizes[..^1]) surge.Observe(100, onset: false, size, windowsToReady: 0);
        surge.Observe(100, onset: true, sizes[^1], windowsToReady: 2);
        return surge.Sized(100) / 100;
    }

    [Fact]
    public void Factor_BeforeAnySurprise_IsOne()
    {
        var surge = new SurgeGrowth();

        Assert.Equal(1, FactorAt(surge, 3));
    }

    [Fact]
    public void Factor_AfterASurpriseThatKeptRising_IsItsRateWhenReadyOverItsOnsetRate()
    {
        var surge = new SurgeGrowth();
        // The rate when the replicas requested at the onset are ready, not the peak on the way.
        Follow(ref surge, size: 3, onset: 100, 250, 180);

        Assert.Equal(1.8, FactorAt(surge, 3), 2);
    }

    [Fact]
    public void Factor_AfterASurpriseThatFaded_IsOne()
    {
        var surge = new SurgeGrowth();
        Follow(ref surge, size: 3, onset: 100, 60, 40);

        Assert.Equal(1, FactorAt(surge, 3));
    }

    [Fact]
    public void Factor_OutsideARunAboveTheBound_IsOne()
    {
        var surge = new SurgeGrowth();
        Follow(ref surge, size: 3, onset: 100, 200);

        Assert.Equal(1, FactorAt(surge, 0.9));
    }

    [Fact]
    public void Factor_SmallSurprisesDoNotOverwriteWhatLargeOnesDid()
    {
        var surge = new SurgeGrowth();
        Follow(ref surge, size: 3, onset: 100, 200);
        Follow(ref surge, size: 1.1, onset: 100, 90);

        Assert.Equal(2, FactorAt(surge, 3), 2);
        Assert.Equal(1, FactorAt(new SurgeGrowth(), 1.1));
        Assert.Equal(1, FactorAt(surge, 0.5, 1.1));
    }

    [Fact]
    public void Factor_OfASizeNotSeenYet_IsTheNearestSizeSeen()
    {
        var surge = new SurgeGrowth();
        Follow(ref surge, size: 3, onset: 100, 200);

        Assert.Equal(2, FactorAt(surge, 6), 2);
        Assert.Equal(2, FactorAt(surge, 0.5, 1.05), 2);
    }

    [Fact]
    public void Sized_WindowsAfterTheOnset_AreNotGrownAgainAndEndWhenItsReplicasAreReady()
    {
        var surge = new SurgeGrowth();
        Follow(ref surge, size: 3, onset: 100, 150, 200); // grew x2 by the time its replicas were ready

        surge.Observe(50, onset: true, size: 3, windowsToReady: 2);
        var atOnset = surge.Sized(50);
        surge.Observe(90, onset: false, size: 2, windowsToReady: 0);
        var risen = surge.Sized(90);
        var beyond = surge.Sized(120);
        surge.Observe(110, onset: false, size: 2, windowsToReady: 0);
        var ready = surge.Sized(110);

        Assert.Equal(100, atOnset, 2);
        Assert.Equal(100, risen, 2); // the onset rate x2, not 90 x2
        Assert.Equal(120, beyond, 2); // never below the rate observed
        Assert.Equal(110, ready, 2); // its replicas are ready: the rate itself
    }

    [Fact]
    public void Observe_ASurprisesSize_IsTheLargestOfTheRunThatMadeIt()
    {
        var surge = new SurgeGrowth();
        // First window 4x its bound, the second (the model has seen the rise) only 1.1x: the surprise is 4x.
        surge.Observe(400, onset: false, size: 4, windowsToReady: 0);
        surge.Observe(440, onset: true, size: 1.1, windowsToReady: 1);
        surge.Observe(880, onset: false, size: 0, windowsToReady: 0);

        Follow(ref surge, size: 1.1, onset: 100, 100); // a small one that faded, kept apart

        Assert.Equal(2, FactorAt(surge, 4), 2);
        Assert.Equal(1, FactorAt(surge, 1.1));
    }

    [Fact]
    public void Observe_AnOnsetWhileASurpriseIsFollowed_IsIgnored()
    {
        var surge = new SurgeGrowth();
        surge.Observe(100, onset: true, size: 3, windowsToReady: 2);
        surge.Observe(400, onset: true, size: 5, windowsToReady: 2); // still following the first
        surge.Observe(150, onset: false, size: 0, windowsToReady: 0);

        Assert.Equal(1.5, FactorAt(surge, 0.5, 3), 2);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Observe_AnInvalidRate_ChangesNothing(double rate)
    {
        var surge = new SurgeGrowth();
        surge.Observe(100, onset: true, size: 3, windowsToReady: 1);
        surge.Observe(rate, onset: false, size: 0, windowsToReady: 0);
        surge.Observe(130, onset: false, size: 0, windowsToReady: 0);

        Assert.Equal(1.3, FactorAt(surge, 3), 2);
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

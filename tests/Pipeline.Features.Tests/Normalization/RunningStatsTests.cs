using Pipeline.Features.Normalization;

namespace Pipeline.Features.Tests.Normalization;

public sealed class RunningStatsTests
{
    [Fact]
    public void Add_ManyValues_MatchesTwoPassMeanAndVariance()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 1000).Select(_ => 1e6 + random.NextDouble() * 10).ToArray();
        var stats = new RunningStats();
        foreach (var v in values) stats.Add(v);

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        Assert.Equal(mean, stats.Mean, 6);
        Assert.Equal(variance, stats.Variance, 6);
        Assert.Equal(1000, stats.Count);
    }

    [Fact]
    public void Add_NonFinite_IsIgnored()
    {
        var stats = new RunningStats();
        stats.Add(1);
        stats.Add(double.NaN);
        stats.Add(double.PositiveInfinity);
        stats.Add(3);

        Assert.Equal(2, stats.Count);
        Assert.Equal(2, stats.Mean, 12);
    }

    [Theory]
    [InlineData(new double[] { }, 5, 0)]
    [InlineData(new double[] { 4 }, 5, 0)]
    [InlineData(new double[] { 2, 2, 2 }, 5, 0)]
    [InlineData(new double[] { 1, 3 }, 4, 1.4142135623730951)]
    public void ZScore_Cases_ReturnsExpected(double[] history, double value, double expected)
    {
        var stats = new RunningStats();
        foreach (var h in history) stats.Add(h);

        Assert.Equal(expected, stats.ZScore(value), 9);
    }
}

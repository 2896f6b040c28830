using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Forecasting;

public class RateHistoryTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Append_Gap_CarriesLastRateForward()
    {
        var history = new RateHistory(Minute, 10);
        history.Append(Series.Start, 5);
        var added = history.Append(Series.Start + 3 * Minute, 9);

        Assert.Equal(3, added);
        Assert.Equal(new[] { 5.0, 5.0, 5.0, 9.0 }, Enumerable.Range(0, 4).Select(i => history[i]));
        Assert.Equal(Series.Start + 3 * Minute, history.TimeOf(3));
    }

    [Fact]
    public void Append_OlderOrSameTime_IsIgnored()
    {
        var history = new RateHistory(Minute, 10);
        history.Append(Series.Start, 5);
        history.Append(Series.Start + Minute, 6);

        Assert.Equal(0, history.Append(Series.Start + Minute, 7));
        Assert.Equal(2, history.Count);
        Assert.Equal(6, history[1]);
    }

    [Fact]
    public void Append_BeyondCapacity_KeepsNewestWithAbsoluteIndices()
    {
        var history = Series.Build(Minute, 25, i => i, capacity: 10);

        Assert.Equal(25, history.Count);
        Assert.Equal(15, history.FirstIndex);
        Assert.Equal(24, history[24]);
        Assert.False(history.Holds(14));
    }

    [Fact]
    public void Snapshot_KeepsIndicesTimesAndValues()
    {
        var history = Series.Build(Minute, 100, i => i * 2);
        var snapshot = history.Snapshot(10);

        Assert.Equal(90, snapshot.FirstIndex);
        Assert.Equal(99, snapshot.LastIndex);
        Assert.Equal(198, snapshot[99]);
        Assert.Equal(history.TimeOf(95), snapshot.TimeOf(95));
    }

    [Theory]
    [InlineData(60, 1440)]
    [InlineData(3600, 24)]
    [InlineData(15, 5760)]
    public void DailySeason_FollowsStep(int stepSeconds, int expected)
    {
        Assert.Equal(expected, new RateHistory(TimeSpan.FromSeconds(stepSeconds), 4).DailySeason);
    }
}

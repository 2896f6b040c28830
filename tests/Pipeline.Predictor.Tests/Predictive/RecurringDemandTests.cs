using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Predictive;

/// <summary>The recurring rise: seen at the same time on each of the last two days, added to the current rate.</summary>
public class RecurringDemandTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private const int Day = 96;

    /// <summary>The current count already reaches any rate in one decision: no horizon beyond the last one counts.</summary>
    private static readonly Func<double, int> NoRamp = _ => 0;

    /// <summary><paramref name="days"/> days of 15-minute points from <paramref name="rate"/>(day, point of day), ending just before <paramref name="endPoint"/> of the last day.</summary>
    private static RateHistory History(int days, int endPoint, Func<int, int, double> rate)
    {
        var history = new RateHistory(Step, 10 * Day);
        for (var i = 0; i < days * Day + endPoint; i++) history.Append(Start + Step * (i + 1), rate(i / Day, i % Day));
        return history;
    }

    [Fact]
    public void RiseOnEachOfTheLastTwoDays_AddedToTheCurrentRate()
    {
        // Nothing until 10:00 (point 40), then 100 req/s; today it is 09:30 (the newest point is index 37 of the day) at 5 req/s.
        var history = History(2, 38, (_, p) => p >= 40 ? 100 : 5);
        Assert.Equal(100, RecurringDemand.Rate(history, 1, 4, 2, NoRamp), 9);
        Assert.True(double.IsNaN(RecurringDemand.Rate(history, 1, 1, 2, NoRamp)), "the rise is 3 points ahead, beyond horizon 1");
    }

    [Fact]
    public void RiseOnOnlyOneDay_NotRepeated()
    {
        var history = History(2, 38, (d, p) => p >= 40 && d == 1 ? 100 : 5);
        Assert.True(double.IsNaN(RecurringDemand.Rate(history, 1, 4, 2, NoRamp)));
    }

    [Fact]
    public void QuieterDayAfterBusyDays_RiseNotLevelRepeated()
    {
        // Busy days at 100 flat; today is at 60 (a weekend): no rise on either day, so nothing recurs.
        var history = History(2, 38, (d, p) => 100);
        history.Append(Start + Step * (2 * Day + 39), 60);
        Assert.True(double.IsNaN(RecurringDemand.Rate(history, 1, 4, 2, NoRamp)));
    }

    [Fact]
    public void FewerThanTwoDaysHeld_NaN()
    {
        var history = History(1, 38, (_, p) => p >= 40 ? 100 : 5);
        Assert.True(double.IsNaN(RecurringDemand.Rate(history, 1, 4, 2, NoRamp)));
    }

    /// <summary>Onsets recorded at the given history indices (each a saturated window after an unsaturated one).</summary>
    private static SaturationOnsets Onsets(params long[] indices)
    {
        var onsets = new SaturationOnsets();
        foreach (var index in indices)
        {
            onsets.Observe(index, saturated: true);
            onsets.Observe(index + 1, saturated: false);
        }
        return onsets;
    }

    private static double Rate(RateHistory history, int latest, int days, SaturationOnsets onsets, int span) =>
        RecurringDemand.Rate(history, 1, latest, days, onsets, span, NoRamp, out _);

    [Fact]
    public void RiseSeenOnlyYesterday_RepeatedWhereItWasASaturation()
    {
        // Yesterday alone rose to 60 at 10:00 (point 40 of day 1, history index 136) and to 100 at 10:15; day 0 stayed at
        // 5. Today it is 09:30 (newest index 2 * 96 + 37): 10:00 is 3 points ahead, 10:15 is 4.
        var history = History(2, 38, (d, p) => d == 1 ? p >= 41 ? 100 : p >= 40 ? 60 : 5 : 5);
        Assert.Equal(60, Rate(history, 3, 2, Onsets(Day + 40), 0), 9);
        Assert.Equal(100, Rate(history, 4, 2, Onsets(Day + 40), 1), 9);
        Assert.True(double.IsNaN(Rate(history, 3, 2, Onsets(Day + 41), 0)), "the onset is one point after the horizons");
        Assert.True(double.IsNaN(Rate(history, 4, 2, Onsets(Day + 40), -1)), "a negative span turns the rule off");
        Assert.True(double.IsNaN(RecurringDemand.Rate(history, 1, 4, 2, NoRamp)));
    }

    [Fact]
    public void SaturationYesterday_TakesYesterdaysRiseWhenLargerThanTheTwoDaysSmallest()
    {
        var history = History(2, 38, (d, p) => p >= 40 ? (d == 0 ? 50 : 100) : 5);
        Assert.Equal(100, Rate(history, 4, 2, Onsets(Day + 40), 0), 9);
        Assert.True(double.IsNaN(Rate(history, 4, 0, Onsets(Day + 40), 0)), "zero days turns the rule off, saturations too");
    }

    [Fact]
    public void YesterdayAlone_SaysWhichRuleGaveTheRate()
    {
        // Two days of a rise to 50 at 10:00 and yesterday's saturation at 10:15 rising further to 100.
        var history = History(2, 38, (d, p) => p >= 41 && d == 1 ? 100 : p >= 40 ? 50 : 5);
        Assert.Equal(100, RecurringDemand.Rate(history, 1, 4, 2, Onsets(Day + 41), 0, NoRamp, out var alone), 9);
        Assert.True(alone, "the highest rate is yesterday's saturated rise");
        Assert.Equal(50, RecurringDemand.Rate(history, 1, 3, 2, Onsets(Day + 41), 0, NoRamp, out alone), 9);
        Assert.False(alone, "the two-day rise, the saturation beyond the horizons");
    }

    [Fact]
    public void SmallerOfTheTwoRises_Used()
    {
        var history = History(2, 38, (d, p) => p >= 40 ? (d == 0 ? 50 : 100) : 5);
        Assert.Equal(50, RecurringDemand.Rate(history, 1, 4, 2, NoRamp), 9);
    }

    [Fact]
    public void ZeroDays_Off()
    {
        var history = History(2, 38, (_, p) => p >= 40 ? 100 : 5);
        Assert.True(double.IsNaN(RecurringDemand.Rate(history, 1, 4, 0, NoRamp)));
    }

    [Fact]
    public void RiseBeyondTheLastHorizon_CountsOnlyWhileTheStepLimitNeedsTheTime()
    {
        var history = History(2, 38, (_, p) => p >= 40 ? 100 : 5);
        // The rise is 3 steps ahead, 2 beyond horizon 1: three step-limited decisions are too many to wait, one is not.
        Assert.Equal(100, RecurringDemand.Rate(history, 1, 1, 2, _ => 3), 9);
        Assert.True(double.IsNaN(RecurringDemand.Rate(history, 1, 1, 2, _ => 2)));
    }

    [Theory]
    [InlineData(1, 16, 4, 3)]  // 1 -> 5 -> 10 -> 20
    [InlineData(10, 10, 4, 0)]
    [InlineData(10, 11, 4, 1)]
    [InlineData(0, 4, 4, 1)]
    public void DecisionsToReach_FollowsTheStepLimit(int current, int target, int step, int expected) =>
        Assert.Equal(expected, RecurringDemand.DecisionsToReach(current, target, step));
}

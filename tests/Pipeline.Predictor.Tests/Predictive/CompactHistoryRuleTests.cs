using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Predictive;

public class CompactHistoryRuleTests
{
    [Theory]
    [InlineData(15, 2, 11_525, 5, 8 * 5760 + 240, 240)] // 2 days + 1 point of 15 s in whole buckets of the ±2-point seasonal smoothing; 8 days of them; then hours
    [InlineData(60, 2, 2_885, 5, 8 * 1440 + 60, 60)]
    [InlineData(3600, 2, 64 + 5 + 1, 1, 0, 1)] // a day of 24 points: no smoothing, no buckets; the gbm lookback is the longer need
    [InlineData(15, 0, 70, 5, 8 * 5760 + 240, 240)] // recurring demand off: the gbm lookback plus the horizons
    public void For_Defaults_CoverWhatTheReadersNeed(int stepSeconds, int recurringDays, int full, int factor, int span, int coarse)
    {
        var options = new PredictiveOptions { RecurringDays = recurringDays };

        var compaction = CompactHistoryRule.For(options, TimeSpan.FromSeconds(stepSeconds), horizons: 5);

        Assert.Equal(new HistoryCompaction(full, factor, span, coarse), compaction);
    }

    [Fact]
    public void For_Options_GivenSpanAndFactor()
    {
        var options = new PredictiveOptions { HistoryFullResolution = TimeSpan.FromHours(6), HistoryDownsample = 60 };

        Assert.Equal(new HistoryCompaction(1440, 60, 8 * 5760 + 240, 240), CompactHistoryRule.For(options, TimeSpan.FromSeconds(15), 5));
    }

    [Fact]
    public void For_CompactStateOff_Null() =>
        Assert.Null(CompactHistoryRule.For(new PredictiveOptions { CompactState = false }, TimeSpan.FromSeconds(15), 5));
}

using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Predictive;

public class CompactHistoryRuleTests
{
    [Theory]
    [InlineData(15, 2, 8 * 5760 + 240, 240)] // a week and a day (and an hour) as appended, hourly means beyond
    [InlineData(60, 2, 8 * 1440 + 60, 60)]
    [InlineData(3600, 2, 8 * 24 + 1, 1)] // a day of 24 points: every point
    [InlineData(15, 9, 9 * 5760 + 1, 240)] // recurring demand reading further back than the weekly lag
    public void For_PerServiceGbm_FullResolutionForWhatDecisionsRead(int stepSeconds, int recurringDays, int full, int factor)
    {
        var options = new PredictiveOptions { Forecaster = ForecasterNames.Gbm, RecurringDays = recurringDays };

        var compaction = CompactHistoryRule.For(options, TimeSpan.FromSeconds(stepSeconds), horizons: 5);

        Assert.Equal(new HistoryCompaction((full + factor - 1) / factor * factor, factor), compaction);
    }

    [Fact]
    public void For_ShorterFullResolution_BucketsOfTheSeasonalWidthUpToAWeekAndADay()
    {
        var options = new PredictiveOptions { CompactState = true, HistoryFullResolution = TimeSpan.FromDays(2) };

        Assert.Equal(new HistoryCompaction(2 * 5760, 5, 8 * 5760 + 240, 240), CompactHistoryRule.For(options, TimeSpan.FromSeconds(15), 5));
    }

    [Fact]
    public void For_Options_GivenSpanAndFactor()
    {
        var options = new PredictiveOptions { CompactState = true, HistoryFullResolution = TimeSpan.FromHours(6), HistoryDownsample = 60 };

        Assert.Equal(new HistoryCompaction(1440, 60, 8 * 5760 + 240, 240), CompactHistoryRule.For(options, TimeSpan.FromSeconds(15), 5));
    }

    [Fact]
    public void For_SpanShorterThanTheGbmLookback_StillCoversItAndTheHorizons()
    {
        // 10 minutes at 15 s is 40 points; the gbm reads 64 back plus 5 horizons ahead: 70 points, 70 in whole buckets of 5.
        var options = new PredictiveOptions { CompactState = true, HistoryFullResolution = TimeSpan.FromMinutes(10) };

        Assert.Equal(70, CompactHistoryRule.For(options, TimeSpan.FromSeconds(15), 5)!.FullResolution);
    }

    /// <summary>
    /// With gbm-global the history ends where what decisions read ends (the bucket span, or the full-resolution span when
    /// there are no buckets), unless the global model's origin window reaches further (hourly points: 1,000 origins).
    /// </summary>
    [Theory]
    [InlineData(15, 6, 8 * 5760 + 240)] // 6 h at full resolution: 5-point buckets up to a week and a day, no hourly tier
    [InlineData(15, 0, 8 * 5760 + 240)] // the default with gbm-global: 6 h, the same
    [InlineData(3600, 0, 35 * 24)] // hourly: the origin window (1,000 points and their look-back) reaches past 35 days: all kept
    public void GlobalCapacity_GbmGlobal_WhatDecisionsOrTheOriginWindowRead(int stepSeconds, int fullHours, int expected)
    {
        var options = new PredictiveOptions
        {
            CompactState = true, Forecaster = ForecasterNames.GbmGlobal, HistoryFullResolution = fullHours > 0 ? TimeSpan.FromHours(fullHours) : null,
        };
        var step = TimeSpan.FromSeconds(stepSeconds);
        var capacity = (int)(TimeSpan.FromDays(35) / step);

        Assert.Equal(expected, CompactHistoryRule.GlobalCapacity(options, CompactHistoryRule.For(options, step, 5)!, step, 5, capacity));
    }

    /// <summary>
    /// The defaults (gbm-global, compact state) without a span: 6 h at full resolution (its rows are captured at full
    /// resolution); a given span wins.
    /// </summary>
    [Fact]
    public void For_DefaultsWithoutASpan_SixHours()
    {
        var global = new PredictiveOptions();
        var given = new PredictiveOptions { CompactState = true, Forecaster = ForecasterNames.GbmGlobal, HistoryFullResolution = TimeSpan.FromDays(9) };

        Assert.Equal(new HistoryCompaction(1440, 5, 8 * 5760 + 240, 240), CompactHistoryRule.For(global, TimeSpan.FromSeconds(15), 5));
        Assert.Equal(9 * 5760, CompactHistoryRule.For(given, TimeSpan.FromSeconds(15), 5)!.FullResolution);
    }

    [Fact]
    public void For_CompactStateOff_Null() =>
        Assert.Null(CompactHistoryRule.For(new PredictiveOptions { CompactState = false }, TimeSpan.FromSeconds(15), 5));
}

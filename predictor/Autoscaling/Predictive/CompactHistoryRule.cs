using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The <see cref="HistoryCompaction"/> of the policy's histories (<see cref="PredictiveOptions.CompactState"/>), from what
/// reads them.
/// <list type="bullet">
/// <item>Full resolution: <see cref="RecurringDemand"/> reads exact points from <see cref="PredictiveOptions.RecurringDays"/>
/// days back on; the <c>gbm</c> features read the last <see cref="GbmFeatures.Lookback"/> points plus the horizons; the
/// seasonal-naive daily lag and its choice of season (the last day against the day before) lie within two days.</item>
/// <item>Buckets of 2·half + 1 points (<see cref="GbmFeatures.SeasonalHalfWidth"/>: 5 from 96 points a day): the <c>gbm</c>
/// seasonal lags read means of that many points a day and a week back; up to a week and a day, the oldest point they or
/// the seasonal-naive choice of season read.</item>
/// <item>Beyond, only training reads (holt-winters' 14 days, <c>gbm</c>'s rows over the whole history): hourly means,
/// the resolution of the hour of day the features know, keep the daily shape.</item>
/// </list>
/// Spans are rounded up to whole buckets.
/// </summary>
internal static class CompactHistoryRule
{
    /// <summary>The compaction for histories of <paramref name="step"/> with <paramref name="horizons"/> horizons; null when off.</summary>
    public static HistoryCompaction? For(PredictiveOptions options, TimeSpan step, int horizons)
    {
        if (!options.CompactState) return null;
        var perDay = Math.Max(1, (int)Math.Round(TimeSpan.FromDays(1) / step));
        var factor = options.HistoryDownsample ?? 2 * GbmFeatures.SeasonalHalfWidth(perDay) + 1;
        var recurring = (long)options.RecurringDays * perDay + 1;
        var needed = options.HistoryFullResolution is { } span
            ? (long)Math.Ceiling(span / step)
            : Math.Max(recurring, GbmFeatures.Lookback + horizons + 1);
        var buckets = (Math.Max(needed, Math.Max(2, factor)) + factor - 1) / factor;
        var full = (int)Math.Min(int.MaxValue / 4, buckets * factor);
        var coarse = Math.Max(1, perDay / 24 / factor) * factor;
        var bucketSpan = (int)Math.Min(int.MaxValue / 2, 8L * perDay + coarse); // a coarse bucket more: whole ones are read from one tier
        return coarse > factor && bucketSpan > full
            ? new HistoryCompaction(full, factor, bucketSpan, coarse)
            : new HistoryCompaction(full, factor);
    }
}

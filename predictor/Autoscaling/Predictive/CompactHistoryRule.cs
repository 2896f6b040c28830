using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The <see cref="HistoryCompaction"/> of the policy's histories (<see cref="PredictiveOptions.CompactState"/>), from what
/// reads them. What decisions read lies within a week and a day: <see cref="RecurringDemand"/> exact points
/// <see cref="PredictiveOptions.RecurringDays"/> days back, the <c>gbm</c> lookback and its seasonal lags a day and a week
/// back (means of 2·half + 1 points, <see cref="GbmFeatures.SeasonalHalfWidth"/>), the seasonal-naive lags and its choice
/// of season (the last day against a week before). Beyond, only training reads (holt-winters' 14 days, <c>gbm</c>'s rows
/// over the whole history): hourly means, the resolution of the hour of day the features know, keep the daily shape.
/// <list type="bullet">
/// <item>Per-service <c>gbm</c>, no span given: full resolution for a week and a day plus an hour, hourly means beyond. Everything a decision reads is
/// as it was (up to bfloat16 rounding: compact runs of the eight frontier workloads move by -0.3% to +1.3%
/// replica-hours, docs/bench/fleet.txt).</item>
/// <item>A shorter <see cref="PredictiveOptions.HistoryFullResolution"/>: buckets of <see cref="PredictiveOptions.HistoryDownsample"/>
/// (default 2·half + 1 = 5 points, the seasonal lags' width) up to a week and a day, hourly means beyond; never shorter
/// than the <c>gbm</c> lookback and horizons, so what a forecast reads back from now is always as appended.</item>
/// <item>With <c>gbm-global</c> (the default forecaster) and no span given: <see cref="GlobalFullResolution"/>.</item>
/// </list>
/// Spans are rounded up to whole buckets.
/// </summary>
internal static class CompactHistoryRule
{
    /// <summary>
    /// Full-resolution span of a compact history with <c>gbm-global</c> when none is given. Its training rows are captured
    /// at full resolution as they complete (<see cref="Forecasting.Global.GlobalRowReservoir"/>), so a short span only
    /// coarsens what decisions read beyond it (seasonal lags, recurring demand). 6 h is the longest span in whole hours
    /// that keeps a service under 50 kB at 1,000 services (<c>bench-state</c>: 49,682 bytes; each hour more adds about
    /// 380), and on the eight frontier workloads it moved replica-hours by -1.7% to +5.4% and violations by -18% to +6%
    /// against exact state (docs/bench/fleet.txt).
    /// </summary>
    public static readonly TimeSpan GlobalFullResolution = TimeSpan.FromHours(6);

    /// <summary>The compaction for histories of <paramref name="step"/> with <paramref name="horizons"/> horizons; null when off.</summary>
    public static HistoryCompaction? For(PredictiveOptions options, TimeSpan step, int horizons)
    {
        if (!options.CompactState) return null;
        var perDay = Math.Max(1, (int)Math.Round(TimeSpan.FromDays(1) / step));
        var factor = options.HistoryDownsample ?? 2 * GbmFeatures.SeasonalHalfWidth(perDay) + 1;
        var hourly = Math.Max(1, perDay / 24 / factor) * factor;
        // A coarse bucket more: whole coarse buckets are read from one tier.
        var forecast = GbmFeatures.Lookback + horizons + 1; // what a forecast reads back from now
        var read = Math.Max(8L * perDay + hourly, Math.Max((long)options.RecurringDays * perDay + 1, forecast));
        var given = options.HistoryFullResolution ?? (options.Forecaster == ForecasterNames.GbmGlobal ? GlobalFullResolution : null);
        if (given is not { } span) return new HistoryCompaction(Whole(read, hourly), hourly);
        var full = Whole(Math.Max((long)Math.Ceiling(span / step), forecast), factor);
        return hourly > factor && read > full
            ? new HistoryCompaction(full, factor, (int)Math.Min(int.MaxValue / 2, read), hourly)
            : new HistoryCompaction(full, factor);
    }

    /// <summary>
    /// The history capacity with <c>gbm-global</c>: nothing reads a compact history beyond what decisions read or the
    /// global model's origin window (only per-service training reads further), so no coarse tier is kept beyond them.
    /// </summary>
    public static int GlobalCapacity(PredictiveOptions options, HistoryCompaction compaction, TimeSpan step, int horizons, int capacity)
    {
        var sampled = options.Forecasting.GlobalGbm.OriginPoints(step) + GbmFeatures.Lookback + horizons;
        var read = compaction.BucketSpan > 0 ? compaction.BucketSpan : compaction.FullResolution;
        return (int)Math.Min(capacity, Math.Max(2, Math.Max(read, sampled)));
    }

    /// <summary><paramref name="points"/> rounded up to whole buckets of <paramref name="factor"/> (at least one, at least 2 points).</summary>
    private static int Whole(long points, int factor) =>
        (int)Math.Min(int.MaxValue / 4, (Math.Max(points, Math.Max(2, factor)) + factor - 1) / factor * factor);
}

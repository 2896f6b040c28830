using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// A rise that recurs at the same time of day: for each moment the decision provisions for (from the start-up delay to
/// the last horizon ahead), how much the rate rose from this time of day to that moment on each of the previous
/// <c>days</c> days (<see cref="PredictiveOptions.RecurringDays"/>); the SMALLEST rise of those days, added to the current rate, and the highest over the moments.
/// A daily event at a fixed minute (a batch job, the full load returning after a nightly outage, an hourly job, which
/// recurs at the same minute every day too) is then provisioned before it starts, even when the model has seen too few
/// examples of it to learn it. The smallest rise means a one-off spike on one day is not repeated, and a rise (not a
/// level) means a quieter day (a weekend after weekdays) is not provisioned at the busier days' level.
/// A moment that yesterday was at or just after a saturation's onset (<see cref="SaturationOnsets"/>: the load outgrew the
/// ready replicas) counts yesterday's rise alone (<see cref="PredictiveOptions.RecurringAfterSaturation"/>): waiting for a
/// second sighting costs a rise the replicas cannot serve, a queue until capacity comes, while provisioning one that does
/// not come back costs the replicas for the start-up delay and the scale-down stabilization, as any false alarm.
/// NaN while fewer than <c>days</c> days are held, when no moment rose on every day (or after a saturation yesterday), or
/// when <c>days</c> is 0.
/// </summary>
internal static class RecurringDemand
{
    /// <summary>
    /// Windows beyond the last horizon a rise is looked for, when the scale-up step limit (at most max(4, current) added per
    /// decision, <see cref="PredictiveOptions.MaxScaleUpStep"/>) needs that many decisions to reach it: four doublings reach
    /// 16x the current count (a one-replica night to a 16-replica day) by the time the rise arrives.
    /// </summary>
    public const int RampWindows = 4;

    /// <summary>
    /// The recurring rate to provision for now, or NaN. Horizons <paramref name="earliest"/>..<paramref name="latest"/> count
    /// always; a rise j windows beyond <paramref name="latest"/> counts only while <paramref name="decisionsToReach"/> (the
    /// step-limited decisions from the current count to the replicas that rate needs) exceeds j, i.e. when waiting would be too late.
    /// </summary>
    public static double Rate(RateHistory history, int earliest, int latest, int days, Func<double, int> decisionsToReach) =>
        Rate(history, earliest, latest, days, default, -1, decisionsToReach, out _);

    /// <summary>
    /// As above; a moment whose index yesterday is a saturation's onset in <paramref name="saturations"/> or up to
    /// <paramref name="onsetSpan"/> windows after one also counts with yesterday's rise alone (a negative span: never);
    /// <paramref name="yesterdayAlone"/>: whether the rate returned is such a rise.
    /// </summary>
    public static double Rate(RateHistory history, int earliest, int latest, int days, in SaturationOnsets saturations, int onsetSpan, Func<double, int> decisionsToReach, out bool yesterdayAlone)
    {
        var now = history.LastIndex;
        var best = double.NaN;
        yesterdayAlone = false;
        for (var h = earliest; h <= latest + RampWindows; h++)
        {
            var rise = Rise(history, h, days);
            var once = days > 0 && onsetSpan >= 0 && saturations.Covers(now - history.DailySeason + h, onsetSpan) ? Rise(history, h, 1) : double.NaN;
            var alone = once > rise || once > 0 && double.IsNaN(rise);
            if (alone) rise = once;
            if (!(rise > 0)) continue;
            var rate = history[now] + rise;
            if (h > latest && decisionsToReach(rate) <= h - latest) continue;
            if (!(rate <= best)) (best, yesterdayAlone) = (rate, alone);
        }
        return best;
    }

    /// <summary>The smallest rise from this time of day to <paramref name="h"/> steps later over the last <paramref name="days"/> days (NaN if not held).</summary>
    public static double Rise(RateHistory history, int h, int days)
    {
        var rise = days > 0 ? double.PositiveInfinity : double.NaN;
        for (var d = 1; d <= days && rise > 0; d++)
        {
            long from = history.LastIndex - (long)d * history.DailySeason, to = from + h;
            rise = history.Holds(from) && history.Holds(to) ? Math.Min(rise, history[to] - history[from]) : double.NaN;
        }
        return rise;
    }

    /// <summary>Decisions the scale-up step limit needs from <paramref name="current"/> to <paramref name="target"/> replicas.</summary>
    public static int DecisionsToReach(int current, int target, int maxStep)
    {
        var decisions = 0;
        for (var c = current; c < target && decisions <= RampWindows; decisions++) c += Math.Max(maxStep, c);
        return decisions;
    }
}

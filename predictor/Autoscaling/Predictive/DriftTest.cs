using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// Whether the model is significantly less accurate than the reference over their recent scores, not just behind on
/// this hour's noise: a paired one-sided test on the per-window sMAPE differences (model − reference, averaged over the
/// horizons). Consecutive differences are correlated (overlapping horizons, a shared surprise), so the test runs on
/// <see cref="Batches"/> batch means of consecutive windows, the batch-means method of simulation output analysis, with
/// Student's t at 95% for their degrees of freedom, and only once each batch spans at least twice the longest horizon
/// (before that, neighbouring batches share errors and the test would fire too often; the model is kept). Two
/// forecasters that are tied (both near the series' own noise) then keep the model, where comparing the two means alone
/// falls back on about half of the decisions and pays the reactive floor's replicas for nothing. The price: a model that
/// breaks suddenly is judged drifting once about three of the eight batches are behind (a quarter to three eighths of
/// the accuracy window: ~22 minutes at 240 windows of 15 s), however far behind; until then the surprise rule
/// (<see cref="FloorSizing"/>) is what guards a forecast that falls short. Pairs are taken by position: the two trackers
/// score the same point at the same time while both forecast at every origin, as they do once the model is trained; a
/// tracker that skipped origins (a restart, a gap) pairs neighbouring points until its window has rolled over.
/// </summary>
internal static class DriftTest
{
    /// <summary>Batch means the test runs on; <see cref="T95"/> is Student's t for <c>Batches − 1</c> degrees of freedom.</summary>
    public const int Batches = 8;

    /// <summary>One-sided 95% quantile of Student's t with 7 degrees of freedom (<see cref="Batches"/> − 1).</summary>
    private const double T95 = 1.895;

    /// <summary>Per-score differences, model − reference, at horizon index k, <c>back</c> scores before the newest.</summary>
    internal interface IDifferences
    {
        double At(int k, int back);
    }

    public static bool Worse(ForecastTracker model, ForecastTracker reference)
    {
        var horizons = Math.Min(model.Horizons.Count, reference.Horizons.Count);
        var held = int.MaxValue;
        for (var k = 0; k < horizons; k++) held = Math.Min(held, Math.Min(model.RecentHeld(k), reference.RecentHeld(k)));
        var longest = horizons > 0 ? Math.Max(model.Horizons[horizons - 1], reference.Horizons[horizons - 1]) : 0;
        return Worse(horizons, horizons > 0 ? held : 0, longest, new Trackers(model, reference));
    }

    /// <summary>The test on <paramref name="held"/> scores per horizon; false while a batch would span fewer than twice <paramref name="longest"/> scores.</summary>
    internal static bool Worse<T>(int horizons, int held, int longest, T differences)
        where T : IDifferences
    {
        var size = held / Batches;
        if (horizons < 1 || size < Math.Max(1, 2 * longest)) return false;
        Span<double> means = stackalloc double[Batches];
        double sum = 0;
        for (var b = 0; b < Batches; b++)
        {
            var batch = 0.0;
            for (var i = b * size; i < (b + 1) * size; i++)
            {
                for (var k = 0; k < horizons; k++) batch += differences.At(k, i);
            }
            means[b] = batch / (size * horizons);
            sum += means[b];
        }
        var mean = sum / Batches;
        var variance = 0.0;
        foreach (var m in means) variance += (m - mean) * (m - mean);
        var error = Math.Sqrt(variance / (Batches - 1) / Batches);
        return mean > T95 * error;
    }

    private readonly struct Trackers(ForecastTracker model, ForecastTracker reference) : IDifferences
    {
        public double At(int k, int back) => model.RecentSmapeAt(k, back) - reference.RecentSmapeAt(k, back);
    }
}

using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// Whether the model is significantly less accurate than the reference over their recent scores, not just behind on
/// this hour's noise: a paired one-sided test on the per-window sMAPE differences (model − reference, averaged over the
/// horizons), scored on the same points at the same time. Consecutive differences are correlated (overlapping horizons,
/// a shared surprise), so the test runs on <see cref="Batches"/> batch means of consecutive windows, the batch-means
/// method of simulation output analysis, with Student's t at 95% for their degrees of freedom. Two forecasters that are
/// tied (both near the series' own noise) then keep the model, where comparing the two means alone falls back on about
/// half of the decisions and pays the reactive floor's replicas for nothing.
/// </summary>
internal static class DriftTest
{
    public const int Batches = 8;

    /// <summary>One-sided 95% quantile of Student's t with <see cref="Batches"/> − 1 = 7 degrees of freedom.</summary>
    private const double T95 = 1.895;

    public static bool Worse(ForecastTracker model, ForecastTracker reference)
    {
        var horizons = Math.Min(model.Horizons.Count, reference.Horizons.Count);
        var held = int.MaxValue;
        for (var k = 0; k < horizons; k++) held = Math.Min(held, Math.Min(model.RecentHeld(k), reference.RecentHeld(k)));
        return Worse(horizons, horizons > 0 ? held : 0, (k, back) => model.RecentSmapeAt(k, back) - reference.RecentSmapeAt(k, back));
    }

    /// <summary>
    /// The test on <paramref name="held"/> scores per horizon; <paramref name="difference"/>(k, back): model − reference at
    /// horizon index k, <c>back</c> scores before the newest. False with fewer than <see cref="Batches"/> scores.
    /// </summary>
    internal static bool Worse(int horizons, int held, Func<int, int, double> difference)
    {
        var size = held / Batches;
        if (horizons < 1 || size < 1) return false;
        Span<double> means = stackalloc double[Batches];
        double sum = 0;
        for (var b = 0; b < Batches; b++)
        {
            var batch = 0.0;
            for (var i = b * size; i < (b + 1) * size; i++)
            {
                for (var k = 0; k < horizons; k++) batch += difference(k, i);
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
}

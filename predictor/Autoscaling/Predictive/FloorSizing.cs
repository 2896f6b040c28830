namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The utilization the reactive floor sizes for this decision. The floor is the safety net for surprises: while the
/// observed rate stays within the interval the forecast gave for this window, the forecast has already provisioned for
/// it, so the floor only keeps that load from driving the replicas past <see cref="PredictiveOptions.ExpectedSizing"/>.
/// A surprise is the rate above the interval's upper bound for <see cref="PredictiveOptions.SurpriseWindows"/> windows in
/// a row: a calibrated upper bound is exceeded in (1 − coverage)/2 of the windows by construction (5% at 90%), so a single
/// exceedance is the interval working as stated, while two in a row happen by chance in 0.25% of windows and mean the
/// load has moved. One window above the bound is a surprise at once when the ready replicas cannot serve it at all
/// (<paramref name="Saturated"/>: the rate above their capacity, utilization ≥ 1, with
/// <see cref="PredictiveOptions.SaturatedSurprise"/>): the queue then grows for as long as nothing is added, so waiting a
/// window to confirm costs that window's backlog and buys nothing, where an exceedance the replicas absorb costs nothing
/// to confirm. On a surprise, while the policy falls back, or when no interval was given for this window, the floor
/// is the reactive HPA calculation at <see cref="PredictiveOptions.TargetUtilization"/>.
/// </summary>
internal sealed record FloorSizing(double Utilization, bool Relaxed, bool Surprise, double ExpectedUpper, int AboveStreak, bool Saturated = false)
{
    /// <summary>
    /// Chooses the floor's utilization from the observed <paramref name="rate"/>, the upper bound forecast for this window
    /// and how many windows before this one were above theirs (<paramref name="streak"/>). With
    /// <paramref name="relaxedUtilization"/> (the SLA's limit for the current replicas, <see cref="PredictiveOptions.Sla"/>)
    /// the relaxed floor sizes there instead of at <see cref="PredictiveOptions.ExpectedSizing"/>. <paramref name="capacity"/>:
    /// requests per second the ready replicas serve at full utilization (NaN while unknown).
    /// </summary>
    public static FloorSizing Choose(double rate, double expectedUpper, bool usesForecast, PredictiveOptions options, int streak = 0, double? relaxedUtilization = null, double capacity = double.NaN)
    {
        var judged = options.ExpectedUtilization is not null && usesForecast && double.IsFinite(expectedUpper);
        var above = judged && rate > expectedUpper ? streak + 1 : 0;
        var saturated = above > 0 && options.SaturatedSurprise && rate > capacity;
        var surprise = above >= options.SurpriseWindows || saturated;
        var relaxed = judged && !surprise;
        return new FloorSizing(relaxed ? relaxedUtilization ?? options.ExpectedSizing : options.TargetUtilization, relaxed, surprise, expectedUpper, above, saturated);
    }
}

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The utilization the reactive floor sizes for this decision. The floor is the safety net for surprises: while the
/// observed rate stays within the interval the forecast gave for this window, the forecast has already provisioned for
/// it, so the floor only keeps that load from driving the replicas past <see cref="PredictiveOptions.ExpectedSizing"/>.
/// A surprise is the rate above the interval's upper bound for <see cref="PredictiveOptions.SurpriseWindows"/> windows in
/// a row: a calibrated upper bound is exceeded in (1 − coverage)/2 of the windows by construction (5% at 90%), so a single
/// exceedance is the interval working as stated, while two in a row happen by chance in 0.25% of windows and mean the
/// load has moved. On a surprise, while the policy falls back, or when no interval was given for this window, the floor
/// is the reactive HPA calculation at <see cref="PredictiveOptions.TargetUtilization"/>.
/// </summary>
internal sealed record FloorSizing(double Utilization, bool Relaxed, bool Surprise, double ExpectedUpper, int AboveStreak)
{
    /// <summary>
    /// Chooses the floor's utilization from the observed <paramref name="rate"/>, the upper bound forecast for this window
    /// and how many windows before this one were above theirs (<paramref name="streak"/>). With
    /// <paramref name="relaxedUtilization"/> (the SLA's limit for the current replicas, <see cref="PredictiveOptions.Sla"/>)
    /// the relaxed floor sizes there instead of at <see cref="PredictiveOptions.ExpectedSizing"/>.
    /// </summary>
    public static FloorSizing Choose(double rate, double expectedUpper, bool usesForecast, PredictiveOptions options, int streak = 0, double? relaxedUtilization = null)
    {
        var judged = options.ExpectedUtilization is not null && usesForecast && double.IsFinite(expectedUpper);
        var above = judged && rate > expectedUpper ? streak + 1 : 0;
        var surprise = above >= options.SurpriseWindows;
        var relaxed = judged && !surprise;
        return new FloorSizing(relaxed ? relaxedUtilization ?? options.ExpectedSizing : options.TargetUtilization, relaxed, surprise, expectedUpper, above);
    }
}

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The utilization the reactive floor sizes for this decision. The floor is the safety net for surprises: while the
/// observed rate stays within the interval the forecast gave for this window, the forecast has already provisioned for
/// it, so the floor only keeps that load from driving the replicas past <see cref="PredictiveOptions.ExpectedSizing"/>.
/// When the rate is above the interval's upper bound (a surprise), while the policy falls back, or when no interval was
/// given for this window, the floor is the reactive HPA calculation at <see cref="PredictiveOptions.TargetUtilization"/>.
/// </summary>
internal sealed record FloorSizing(double Utilization, bool Relaxed, bool Surprise, double ExpectedUpper)
{
    /// <summary>Chooses the floor's utilization from the observed <paramref name="rate"/> and the upper bound forecast for this window.</summary>
    public static FloorSizing Choose(double rate, double expectedUpper, bool usesForecast, PredictiveOptions options)
    {
        var judged = options.ExpectedUtilization is not null && usesForecast && double.IsFinite(expectedUpper);
        var relaxed = judged && rate <= expectedUpper;
        return new FloorSizing(relaxed ? options.ExpectedSizing : options.TargetUtilization, relaxed, judged && rate > expectedUpper, expectedUpper);
    }
}

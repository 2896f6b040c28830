namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// How long a scale-down holds the highest recommendation (<see cref="PredictiveLimits"/>). Kubernetes' 300 s hold
/// (<see cref="PredictiveOptions.ScaleDownStabilization"/>) keeps capacity through dips that rebound faster than the
/// forecast sees, which a service whose load outran its replicas needs. A service whose load has not outgrown its ready
/// replicas within the last day (<see cref="SaturationOnsets"/>; a day is the load's own season) holds only the start-up
/// delay plus one window (<see cref="PredictiveOptions.ShortHoldWithoutSaturation"/>): the time a released replica takes
/// to come back, and as far ahead as the forecast already provisions. Measured on eight workloads (docs/frontier.md).
/// </summary>
internal static class StabilizationHold
{
    public static TimeSpan For(PredictiveServiceState state, PredictiveOptions options)
    {
        var full = options.ScaleDownStabilization;
        if (!options.ShortHoldWithoutSaturation || state.History.Count == 0) return full;
        var quick = options.StartupDelay + state.History.Step;
        if (quick >= full) return full;
        return state.Saturations.Covers(state.History.LastIndex, state.History.DailySeason) ? full : quick;
    }
}

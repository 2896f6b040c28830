namespace Pipeline.Predictor.Routing.Learned;

/// <summary>
/// Envoy's slow-start weight factor: max(min_weight, time_factor^(1/aggression)) with
/// time_factor = max(seconds since joining, 1) / window, and 1 once the window has passed (Envoy docs, "Slow start mode").
/// </summary>
public static class SlowStart
{
    /// <summary>Factor (0..1] applied to the weight of a replica that joined <paramref name="secondsSinceJoin"/> ago.</summary>
    public static double Factor(double secondsSinceJoin, SlowStartOptions options)
    {
        var window = options.Window.TotalSeconds;
        if (!(window > 0) || secondsSinceJoin >= window) return 1;
        var timeFactor = Math.Max(secondsSinceJoin, 1) / window;
        var aggression = options.Aggression > 0 ? options.Aggression : 1;
        var ramp = aggression == 1 ? timeFactor : Math.Pow(timeFactor, 1 / aggression);
        return Math.Clamp(Math.Max(options.MinWeightFraction, ramp), 0, 1);
    }
}

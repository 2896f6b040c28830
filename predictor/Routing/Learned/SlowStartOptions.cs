namespace Pipeline.Predictor.Routing.Learned;

/// <summary>Envoy's slow start (<c>slow_start_config</c>) for replicas that join a running service.</summary>
public sealed class SlowStartOptions
{
    /// <summary>Length of the ramp; zero turns slow start off. Default 120 s.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Ramp shape: 1 is linear, larger ramps up faster early, smaller slower (Envoy's aggression). Default 1.</summary>
    public double Aggression { get; init; } = 1;

    /// <summary>Lower bound of the factor (Envoy's min_weight_percent, as a fraction). Default 0.1.</summary>
    public double MinWeightFraction { get; init; } = 0.1;
}

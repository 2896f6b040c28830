namespace Pipeline.Predictor.Routing.Learned;

/// <summary>Settings of the <c>learned</c> routing policy; defaults are the ones measured in docs/learned-balancing.md.</summary>
public sealed class LearnedRoutingOptions
{
    /// <summary>RLS forgetting factor per window (0.9: a window 10 windows old counts about a third). Default 0.9.</summary>
    public double Forgetting { get; init; } = 0.9;

    /// <summary>Smoothing of the capacity estimate per window (share of the new value). Default 0.3.</summary>
    public double CapacitySmoothing { get; init; } = 0.3;

    /// <summary>
    /// Exponent on (reference latency / predicted latency): 0 weights by capacity only (equal utilization), larger
    /// values move extra traffic to replicas that answer faster at the current load. Default 0.5 (1 was better on
    /// lightly loaded heterogeneous fleets but over-loaded the fast replicas under hpa; see docs/learned-balancing.md).
    /// </summary>
    public double LatencyExponent { get; init; } = 0.5;

    /// <summary>Exponent on the smoothed success share (fast-failure guard). Default 4.</summary>
    public double SuccessExponent { get; init; } = 4;

    /// <summary>Successful responses a replica needs in a window before the window updates its model. Default 10.</summary>
    public int MinimumSuccesses { get; init; } = 10;

    /// <summary>Utilization below which a window says nothing about capacity. Default 0.02.</summary>
    public double MinimumUtilization { get; init; } = 0.02;

    /// <summary>Outlier ejection rules applied per window (failure share, latency outliers).</summary>
    public OutlierEjectionOptions Ejection { get; init; } = new();
}

using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Simulator.Balancing;

/// <summary>Settings of the <c>learned</c> data-plane balancer (the per-request half of learned balancing).</summary>
public sealed class LearnedBalancerOptions
{
    /// <summary>Exponent of (active + 1) in Envoy's effective weight. Default 1 (Envoy's default).</summary>
    public double ActiveRequestBias { get; init; } = WeightedLeastRequest.DefaultBias;

    /// <summary>Consecutive-error ejection, budget and ejection times (shared rules with the routing policy).</summary>
    public OutlierEjectionOptions Ejection { get; init; } = new();

    /// <summary>Slow start of replicas that join after the balancer's first request.</summary>
    public SlowStartOptions SlowStart { get; init; } = new();

    /// <summary>
    /// Divide each host's score by its peak-EWMA response time (Linkerd's per-request latency estimate, decaying over
    /// <see cref="PeakEwmaBalancer.DecaySeconds"/>), so a host that turns slow loses traffic within a few responses
    /// instead of a window later. Hosts without an estimate count as the candidates' mean. Default on.
    /// </summary>
    public bool LatencyAware { get; init; } = true;

    /// <summary>Exponent on the per-response success share (fast-failure guard). Default 4.</summary>
    public double SuccessExponent { get; init; } = 4;

    /// <summary>
    /// Hold every host at the fleet's mean utilization (hosts above it rank after hosts at or below it), for fleets an
    /// autoscaler sizes from their measured utilization; see <see cref="LearnedBalancer.EqualizeUtilization"/>. Default
    /// false: a fixed-size fleet, where sending more to fast or warm hosts costs nothing.
    /// </summary>
    public bool EqualizeUtilization { get; init; }

    /// <summary>Time constant of each host's smoothed utilization (the equalization's memory). Default 5 s.</summary>
    public TimeSpan UtilizationTimeConstant { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A host not seen as a candidate for this long is forgotten. Default 10 minutes.</summary>
    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromMinutes(10);
}

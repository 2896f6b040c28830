namespace Pipeline.Simulator.Balancing;

/// <summary>
/// Envoy's weighted least-request effective weight: weight / (active + 1)^bias (Envoy's <c>active_request_bias</c>,
/// default 1.0; 0 ignores the active requests and gives plain weighted selection).
/// </summary>
public static class WeightedLeastRequest
{
    /// <summary>Envoy's default <c>active_request_bias</c>.</summary>
    public const double DefaultBias = 1.0;

    /// <summary>The effective weight of a host with <paramref name="active"/> outstanding requests.</summary>
    public static double EffectiveWeight(double weight, int active, double bias) =>
        bias == 1 ? weight / (active + 1) : bias == 0 ? weight : weight / Math.Pow(active + 1, bias);
}

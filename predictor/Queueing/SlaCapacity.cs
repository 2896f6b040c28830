namespace Pipeline.Predictor.Queueing;

/// <summary>
/// The highest utilization at which one replica (an M/G/c queue, <see cref="ResponseTimeTail"/>) still answers all but
/// the SLA's share of requests within the SLO. With Poisson arrivals split evenly over N replicas, each replica sees
/// λ/N, so N replicas meet the SLA exactly when λ ≤ N · c · μ · this utilization.
/// </summary>
public static class SlaCapacity
{
    /// <summary>
    /// Largest ρ in (0, 1) with P(R &gt; <paramref name="sloSeconds"/>) ≤ <paramref name="violationBudget"/> on
    /// <paramref name="servers"/> workers; null when the service time alone exceeds the budget (no replica count helps).
    /// </summary>
    public static double? MaxUtilization(ServiceTimeModel service, int servers, double sloSeconds, double violationBudget)
    {
        double Tail(double rho) => ResponseTimeTail.Probability(rho * servers / service.MeanSeconds, servers, service, sloSeconds);
        if (Tail(1e-9) > violationBudget) return null;
        double lo = 1e-9, hi = 1 - 1e-9;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (Tail(mid) <= violationBudget) lo = mid;
            else hi = mid;
        }
        return lo;
    }
}

namespace Pipeline.Simulator.Balancing;

/// <summary>Names of the built-in balancers.</summary>
public static class BalancerNames
{
    /// <summary>Cycles through the replicas.</summary>
    public const string RoundRobin = "round-robin";

    /// <summary>Uniformly random replica.</summary>
    public const string Random = "random";

    /// <summary>Envoy's least-request: power of two random choices, fewer active requests wins.</summary>
    public const string LeastRequest = "least-request";

    /// <summary>Linkerd's peak-EWMA: power of two choices on latency estimate times (active requests + 1).</summary>
    public const string PeakEwma = "peak-ewma";

    /// <summary>Full-knowledge join-the-shortest-queue (a reference no real balancer can implement exactly).</summary>
    public const string Jsq = "jsq";

    /// <summary>Envoy's weighted least-request (weight / (active + 1)^bias) on the route weights set on the service; least-request while none are set.</summary>
    public const string Weighted = "weighted";

    /// <summary>
    /// Learned balancing's data plane: weighted least-request over every ready host on the weights of the <c>learned</c>
    /// routing policy, with consecutive-error ejection, the fast-failure guard and slow start per request.
    /// </summary>
    public const string Learned = "learned";

    /// <summary>Every built-in name.</summary>
    public static IReadOnlyList<string> All { get; } = [RoundRobin, Random, LeastRequest, PeakEwma, Jsq, Weighted, Learned];
}

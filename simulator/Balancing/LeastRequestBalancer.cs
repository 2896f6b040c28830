using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// Envoy's least-request balancer with equal weights: draw two candidates at random (choice_count = 2, with
/// replacement, as Envoy does) and send to the one with fewer active requests; ties go to the first draw.
/// </summary>
internal sealed class LeastRequestBalancer(SimRandom random) : IBalancer
{
    public string Name => BalancerNames.LeastRequest;

    public int Pick(ReadOnlySpan<ReplicaView> candidates, double now)
    {
        var n = candidates.Length;
        if (n == 1) return 0;
        var a = random.NextInt(n);
        var b = random.NextInt(n);
        return candidates[b].InFlight < candidates[a].InFlight ? b : a;
    }
}

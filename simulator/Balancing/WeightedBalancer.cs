using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// The hook for routing decisions: picks a candidate at random in proportion to its route weight
/// (<see cref="Cluster.SimulatedCluster.SetRouteWeights"/>). While every weight is equal (none set), or all are
/// zero, it behaves like least-request.
/// </summary>
internal sealed class WeightedBalancer(SimRandom random) : IBalancer
{
    private readonly LeastRequestBalancer _fallback = new(random);

    public string Name => BalancerNames.Weighted;

    public int Pick(ReadOnlySpan<ReplicaView> candidates, double now)
    {
        var total = 0.0;
        var first = candidates[0].Weight;
        var equal = true;
        for (var i = 0; i < candidates.Length; i++)
        {
            var w = candidates[i].Weight;
            total += w;
            equal &= w == first;
        }
        if (equal || !(total > 0)) return _fallback.Pick(candidates, now);
        var x = random.NextDouble() * total;
        for (var i = 0; i < candidates.Length; i++)
        {
            x -= candidates[i].Weight;
            if (x < 0) return i;
        }
        return candidates.Length - 1;
    }
}

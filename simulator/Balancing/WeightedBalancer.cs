using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// Envoy's weighted least-request on the route weights set on the service
/// (<see cref="Cluster.SimulatedCluster.SetRouteWeights"/>). While every weight is equal it is Envoy's unweighted
/// least-request (power of two choices). Otherwise it is Envoy's earliest-deadline-first schedule on the effective
/// weight weight / (active + 1)^bias: the host with the earliest deadline is picked and re-queued at
/// deadline + 1 / effective weight, computed with its active requests at that moment. Hosts with weight 0 get no traffic
/// unless every weight is 0 (then least-request over all).
/// </summary>
internal sealed class WeightedBalancer(SimRandom random, double bias = WeightedLeastRequest.DefaultBias) : IBalancer
{
    private readonly LeastRequestBalancer _fallback = new(random);
    private string[] _names = new string[16];
    private double[] _deadlines = new double[16];
    private double _clock;

    public string Name => BalancerNames.Weighted;

    public int Pick(ReadOnlySpan<ReplicaView> candidates, double now)
    {
        var n = candidates.Length;
        var first = candidates[0].Weight;
        var equal = true;
        var positive = false;
        for (var i = 0; i < n; i++)
        {
            var w = candidates[i].Weight;
            equal &= w == first;
            positive |= w > 0;
        }
        if (equal || !positive) return _fallback.Pick(candidates, now);
        if (_names.Length < n)
        {
            Array.Resize(ref _names, Math.Max(n, _names.Length * 2));
            Array.Resize(ref _deadlines, _names.Length);
        }
        var best = -1;
        var bestDeadline = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            var c = candidates[i];
            if (!(c.Weight > 0)) continue;
            if (!ReferenceEquals(_names[i], c.Name))
            {
                // A host new at this position joins the schedule one period from the current time.
                _names[i] = c.Name;
                _deadlines[i] = _clock + 1 / WeightedLeastRequest.EffectiveWeight(c.Weight, c.InFlight, bias);
            }
            if (_deadlines[i] < bestDeadline)
            {
                bestDeadline = _deadlines[i];
                best = i;
            }
        }
        _clock = bestDeadline;
        var picked = candidates[best];
        _deadlines[best] = bestDeadline + 1 / WeightedLeastRequest.EffectiveWeight(picked.Weight, picked.InFlight, bias);
        return best;
    }
}

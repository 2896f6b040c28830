using Pipeline.Predictor.Routing.Learned;
using Pipeline.Simulator.Balancing;

namespace Pipeline.Fleet.Proxy.Learned;

/// <summary>
/// The per-request half of learned balancing over real destinations, the same rules as the simulator's evaluated
/// <c>LearnedBalancer</c> (fixed fleet, no utilization equalization): score = weight x slow-start factor x success
/// share^m / peak-EWMA latency / (active + 1)^bias; destinations with a free worker rank before destinations that would
/// queue; consecutive-error ejection within the shared budget (<see cref="OutlierEjection"/>); weight 0 counts as
/// ejected; when nothing is left it fails open to least-requests. Thread-safe (one lock; the work per request is a
/// loop over the candidates). Times are seconds on the caller's clock.
/// </summary>
internal sealed class LearnedPicker(LearnedBalancerOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LearnedDestination> _hosts = new(StringComparer.Ordinal);
    private readonly long _origin = time.GetTimestamp();
    private double _nextSweep = double.NegativeInfinity;
    private bool _started;

    /// <summary>Seconds since the picker was created, on its clock.</summary>
    public double Now() => time.GetElapsedTime(_origin).TotalSeconds;

    /// <summary>Index of the candidate that gets the request (candidates never empty).</summary>
    public int Pick(ReadOnlySpan<LearnedCandidate> candidates, double now)
    {
        lock (_gate)
        {
            var n = candidates.Length;
            var hosts = new LearnedDestination[n];
            var ejected = 0;
            double latencySum = 0;
            var latencyCount = 0;
            for (var i = 0; i < n; i++)
            {
                hosts[i] = Host(candidates[i].Id, now);
                if (hosts[i].Ejection.IsEjected(now) || !(candidates[i].Weight > 0)) ejected++;
                if (options.LatencyAware && hosts[i].HasLatency)
                {
                    latencySum += hosts[i].LatencySeconds(now);
                    latencyCount++;
                }
            }
            _started = true;
            if (now >= _nextSweep) Sweep(now);
            var meanLatency = latencyCount > 0 ? latencySum / latencyCount : 1;
            var budget = OutlierEjection.Budget(n, options.Ejection.MaxEjectionPercent);
            int best = -1, bestTier = int.MaxValue, ties = 0;
            var bestScore = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                var host = hosts[i];
                var c = candidates[i];
                if (host.Ejection.IsEjected(now)) continue;
                if (host.Ejection.ConsecutiveErrors >= options.Ejection.ConsecutiveErrors && ejected < budget)
                {
                    host.Ejection.Eject(now, "consecutive errors", options.Ejection);
                    host.Success.Reset();
                    ejected++;
                    continue;
                }
                if (!(c.Weight > 0)) continue;
                var score = WeightedLeastRequest.EffectiveWeight(Weight(host, c, now, meanLatency), c.InFlight, options.ActiveRequestBias);
                var tier = c.Workers > 0 && c.InFlight >= c.Workers ? 1 : 0;
                if (tier < bestTier || (tier == bestTier && score > bestScore))
                {
                    (best, bestTier, bestScore, ties) = (i, tier, score, 1);
                }
                else if (tier == bestTier && score == bestScore && Random.Shared.Next(++ties) == 0)
                {
                    best = i;
                }
            }
            return best >= 0 ? best : LeastRequests(candidates);
        }
    }

    /// <summary>Feeds one response (its latency, whether it failed) into the destination's state.</summary>
    public void Observe(string id, double latencySeconds, bool failed, double now)
    {
        lock (_gate) Host(id, now).Observe(latencySeconds, failed, now);
    }

    /// <summary>Whether the destination is ejected at <paramref name="now"/>.</summary>
    public bool IsEjected(string id, double now)
    {
        lock (_gate) return _hosts.TryGetValue(id, out var h) && h.Ejection.IsEjected(now);
    }

    private double Weight(LearnedDestination host, in LearnedCandidate c, double now, double meanLatency)
    {
        var weight = c.Weight * host.Success.Factor(options.SuccessExponent);
        var age = now - host.JoinedAt;
        if (age < options.SlowStart.Window.TotalSeconds) weight *= SlowStart.Factor(age, options.SlowStart);
        if (!options.LatencyAware) return weight;
        // A host without successful responses decays towards zero latency; it may look at most 2x faster than the mean.
        var latency = host.HasLatency ? Math.Max(meanLatency / 2, host.LatencySeconds(now)) : meanLatency;
        return latency > 0 ? weight / latency : weight;
    }

    private LearnedDestination Host(string id, double now)
    {
        if (!_hosts.TryGetValue(id, out var host))
        {
            // Destinations present at the first request are the initial fleet: no slow start for them.
            host = new LearnedDestination(_started ? now : double.NegativeInfinity);
            _hosts[id] = host;
        }
        host.LastSeen = now;
        return host;
    }

    private void Sweep(double now)
    {
        _nextSweep = now + Math.Max(1, options.Ejection.Interval.TotalSeconds);
        foreach (var id in _hosts.Keys.ToList())
        {
            var host = _hosts[id];
            host.Ejection.Sweep(now, options.Ejection);
            if (now - host.LastSeen > options.ForgetAfter.TotalSeconds) _hosts.Remove(id);
        }
    }

    private static int LeastRequests(ReadOnlySpan<LearnedCandidate> candidates)
    {
        var best = 0;
        for (var i = 1; i < candidates.Length; i++) if (candidates[i].InFlight < candidates[best].InFlight) best = i;
        return best;
    }
}

using Pipeline.Predictor.Routing.Learned;
using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// The data-plane half of learned balancing. Per request it scores every ready host with Envoy's weighted
/// least-request effective weight, weight x slow-start factor x success share^m / (active + 1)^bias, divided by the
/// host's peak-EWMA latency (optional, on by default), hosts with a free worker ranked before hosts that would queue
/// the request (and, when an autoscaler sizes the fleet from its utilization, hosts at or below the fleet's mean
/// utilization before hotter ones: <see cref="EqualizeUtilization"/>), and sends to the
/// best (ties at random): weights come from the <c>learned</c> routing policy once per window, while everything that must
/// react within milliseconds happens here: the active-request term, consecutive-error ejection (with the shared
/// budget and escalating ejection time of <see cref="OutlierEjection"/>), the per-response success share that defuses
/// the fast-failure trap, and Envoy's slow start for hosts that join later. A host with weight 0 counts as ejected for
/// the budget. When no host is left, it fails open (Envoy's panic mode) to least-request over all candidates.
/// </summary>
internal sealed class LearnedBalancer(SimRandom random, LearnedBalancerOptions options) : IBalancer
{
    private readonly Dictionary<string, LearnedHost> _hosts = new(StringComparer.Ordinal);
    private readonly LeastRequestBalancer _panic = new(random);
    private readonly double _sweepSeconds = Math.Max(1, options.Ejection.Interval.TotalSeconds);
    private LearnedHost[] _byIndex = new LearnedHost[16];
    private double[] _latencies = new double[16];
    private double _nextSweep = double.NegativeInfinity;
    private double _lastPick = double.NaN;
    private bool _started;

    public LearnedBalancer(SimRandom random) : this(random, new LearnedBalancerOptions()) { }

    public string Name => BalancerNames.Learned;

    public int Pick(ReadOnlySpan<ReplicaView> candidates, double now)
    {
        var n = candidates.Length;
        if (_byIndex.Length < n) Array.Resize(ref _byIndex, Math.Max(n, _byIndex.Length * 2));
        var ejected = 0;
        var latencySum = 0.0;
        var latencyCount = 0;
        if (_latencies.Length < n) Array.Resize(ref _latencies, _byIndex.Length);
        for (var i = 0; i < n; i++)
        {
            var host = Host(i, candidates[i], now);
            host.Poll(candidates[i].Completed, candidates[i].Errors);
            if (host.Ejection.IsEjected(now) || !(candidates[i].Weight > 0)) ejected++;
            if (options.LatencyAware && candidates[i].HasLatencyEstimate)
            {
                var latency = candidates[i].PeakEwmaSeconds(now, PeakEwmaBalancer.DecaySeconds);
                _latencies[i] = latency;
                latencySum += latency;
                latencyCount++;
            }
            else
            {
                _latencies[i] = double.NaN;
            }
        }
        var fleetUtilization = EqualizeUtilization ? TrackUtilization(candidates, now) : 0;
        var meanLatency = latencyCount > 0 ? latencySum / latencyCount : 1;
        // The estimate decays towards zero while a host gets no successful responses (an idle or failing host), so
        // it may only make a host look up to 2x faster than the mean: otherwise a fast-failing host, which never
        // answers successfully, would look infinitely fast - the fast-failure trap again.
        var latencyFloor = meanLatency / 2;
        _started = true;
        if (now >= _nextSweep) Sweep(now);

        var budget = OutlierEjection.Budget(n, options.Ejection.MaxEjectionPercent);
        var threshold = options.Ejection.ConsecutiveErrors;
        var best = -1;
        var bestScore = double.NegativeInfinity;
        var bestTier = int.MaxValue;
        var ties = 0;
        for (var i = 0; i < n; i++)
        {
            var host = _byIndex[i];
            if (host.Ejection.IsEjected(now)) continue;
            if (host.Ejection.ConsecutiveErrors >= threshold && ejected < budget)
            {
                host.Ejection.Eject(now, "consecutive errors", options.Ejection);
                host.Success.Reset();
                ejected++;
                continue;
            }
            var c = candidates[i];
            if (!(c.Weight > 0)) continue;
            var weight = c.Weight * host.Success.Factor(options.SuccessExponent);
            var age = now - host.JoinedAt;
            var ramp = age < options.SlowStart.Window.TotalSeconds ? SlowStart.Factor(age, options.SlowStart) : 1;
            weight *= ramp;
            if (options.LatencyAware)
            {
                var latency = double.IsNaN(_latencies[i]) ? meanLatency : Math.Max(latencyFloor, _latencies[i]);
                if (latency > 0) weight /= latency;
            }
            var score = WeightedLeastRequest.EffectiveWeight(weight, c.InFlight, options.ActiveRequestBias);
            // Tiers, compared before the score: a host with a free worker (its concurrency limit, as a proxy's
            // max_requests knows it) beats every host that would queue the request, whatever the weights. Under a
            // utilization-sized fleet, a host running hotter than the fleet's mean ranks after every host at or below
            // it, which holds each host at the fleet's mean; a host in slow start too (a lower share would hide load
            // from the autoscaler just when it adds replicas), slow start only orders it within its tier.
            // The weights order hosts within a tier.
            var tier = c.InFlight >= c.Workers ? 2
                : EqualizeUtilization && host.Utilization > fleetUtilization ? 1
                : 0;
            if (tier < bestTier || (tier == bestTier && score > bestScore))
            {
                bestTier = tier;
                bestScore = score;
                best = i;
                ties = 1;
            }
            else if (tier == bestTier && score == bestScore && random.NextInt(++ties) == 0)
            {
                best = i;
            }
        }
        return best >= 0 ? best : _panic.Pick(candidates, now);
    }

    /// <summary>
    /// Whether the fleet's size follows its measured utilization (an HPA, or any autoscaler that reads the windows'
    /// utilization). Then preferring fast or warm hosts is self-defeating: it lowers the busy time per request, so the
    /// mean utilization the autoscaler sees understates the load and it removes replicas until the preferred hosts
    /// saturate. With this on, every host is held at the fleet's mean utilization (the autoscaler's own assumption:
    /// utilization = load / capacity on every replica) and the weights only choose among hosts at or below it.
    /// Initialized from <see cref="LearnedBalancerOptions.EqualizeUtilization"/> (the service's <see cref="Cluster.ServiceOptions.EqualizeUtilization"/>).
    /// </summary>
    public bool EqualizeUtilization { get; init; } = options.EqualizeUtilization;

    /// <summary>The host's smoothed utilization (busy share of its workers), NaN if never seen (for tests and reports).</summary>
    public double Utilization(string host) => _hosts.TryGetValue(host, out var h) ? h.Utilization : double.NaN;

    /// <summary>
    /// Updates every candidate's smoothed utilization with its busy share now (arrivals see time averages for Poisson
    /// arrivals, so sampling at picks estimates the time average), exponentially weighted over
    /// <see cref="LearnedBalancerOptions.UtilizationTimeConstant"/>; returns the mean over the hosts taking traffic,
    /// weighted by workers.
    /// </summary>
    private double TrackUtilization(ReadOnlySpan<ReplicaView> candidates, double now)
    {
        var tau = Math.Max(1e-3, options.UtilizationTimeConstant.TotalSeconds);
        var sharedKeep = now > _lastPick ? Math.Exp(-(now - _lastPick) / tau) : 1;
        var busy = 0.0;
        var workers = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var host = _byIndex[i];
            var c = candidates[i];
            var sample = c.Workers > 0 ? Math.Min(1.0, (double)c.Busy / c.Workers) : 0;
            if (double.IsNaN(host.UtilizationStamp))
            {
                host.Utilization = sample;
            }
            else if (now > host.UtilizationStamp)
            {
                var keep = host.UtilizationStamp == _lastPick ? sharedKeep : Math.Exp(-(now - host.UtilizationStamp) / tau);
                host.Utilization = host.Utilization * keep + sample * (1 - keep);
            }
            host.UtilizationStamp = now;
            if (host.Ejection.IsEjected(now) || !(c.Weight > 0)) continue;
            busy += host.Utilization * c.Workers;
            workers += c.Workers;
        }
        _lastPick = now;
        return workers > 0 ? busy / workers : 0;
    }

    /// <summary>Whether the host is ejected at <paramref name="now"/> (for tests and reports).</summary>
    public bool IsEjected(string host, double now) => _hosts.TryGetValue(host, out var h) && h.Ejection.IsEjected(now);

    /// <summary>Times the host has been ejected, minus healthy intervals since (Envoy's multiplier).</summary>
    public int Ejections(string host) => _hosts.TryGetValue(host, out var h) ? h.Ejection.Ejections : 0;

    private LearnedHost Host(int index, in ReplicaView view, double now)
    {
        var cached = _byIndex[index];
        if (cached is not null && ReferenceEquals(cached.Name, view.Name))
        {
            cached.LastSeen = now;
            return cached;
        }
        if (!_hosts.TryGetValue(view.Name, out var host))
        {
            // Hosts present at the first request are the initial fleet: no slow start for them.
            host = new LearnedHost(view.Name, _started ? now : double.NegativeInfinity, view.Completed, view.Errors);
            _hosts[view.Name] = host;
        }
        host.LastSeen = now;
        _byIndex[index] = host;
        return host;
    }

    private void Sweep(double now)
    {
        _nextSweep = now + _sweepSeconds;
        List<string>? gone = null;
        foreach (var (name, host) in _hosts)
        {
            host.Ejection.Sweep(now, options.Ejection);
            if (now - host.LastSeen > options.ForgetAfter.TotalSeconds) (gone ??= []).Add(name);
        }
        if (gone is null) return;
        foreach (var name in gone) _hosts.Remove(name);
        for (var i = 0; i < _byIndex.Length; i++)
        {
            if (_byIndex[i] is { } h && !_hosts.ContainsKey(h.Name)) _byIndex[i] = null!;
        }
    }
}

using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;
using static System.FormattableString;

namespace Pipeline.Predictor.Routing.Learned;

/// <summary>
/// The <c>learned</c> routing policy: per window, updates each replica's <see cref="ReplicaModel"/> (capacity and an
/// online regression of latency on load), ejects outliers (failure share, latency far above the others) within the
/// ejection budget, and emits weight = capacity x (reference latency / predicted latency)^k x success share^m,
/// normalized to sum 1. Replicas without data get the median. Deterministic given the windows it sees; one instance
/// per service stream (it keeps per-replica state).
/// </summary>
internal sealed class LearnedRoutingPolicy(LearnedRoutingOptions options) : IRoutingPolicy
{
    private readonly Dictionary<string, ReplicaModel> _models = new(StringComparer.Ordinal);

    public LearnedRoutingPolicy() : this(new LearnedRoutingOptions()) { }

    public string Name => RoutingPolicyNames.Learned;

    /// <summary>The model of a replica, if the policy has seen it (for tests and explanations).</summary>
    public ReplicaModel? Model(string replica) => _models.GetValueOrDefault(replica);

    public RouteDecision Decide(RoutingContext context)
    {
        var window = context.Window;
        var now = context.Now.ToUnixTimeMilliseconds() / 1000.0;
        var windowSeconds = Math.Max(1e-3, (window.WindowEnd - window.WindowStart).TotalSeconds);
        var replicas = window.ReplicaFeatures.OrderBy(r => r.Replica, StringComparer.Ordinal).ToList();
        foreach (var r in replicas)
        {
            if (!_models.TryGetValue(r.Replica, out var model)) _models[r.Replica] = model = new ReplicaModel(options);
            model.Observe(r, windowSeconds);
            model.Ejection.Sweep(now, options.Ejection);
        }
        var ready = replicas.Where(r => r.Ready).ToList();
        var ejections = Eject(ready, now, windowSeconds);
        var weights = Weigh(replicas, ready, now, window.Utilization, out var notes);
        return new RouteDecision
        {
            Id = DecisionIds.Create(context.Service, Name, window.WindowEnd),
            Service = context.Service,
            Timestamp = context.Now,
            WindowEnd = window.WindowEnd,
            Policy = Name,
            Weights = weights,
            Ejected = [.. ready.Where(r => _models[r.Replica].Ejection.IsEjected(now)).Select(r => r.Replica)],
            Explanation = LearnedExplanation.Build(ready.Count, replicas.Count, weights, notes, ejections),
        };
    }

    /// <summary>Window rules: failure share, then latency outliers, most severe first, within the budget.</summary>
    private List<string> Eject(List<ReplicaFeatures> ready, double now, double windowSeconds)
    {
        var rules = options.Ejection;
        var budget = OutlierEjection.Budget(ready.Count, rules.MaxEjectionPercent);
        var ejected = ready.Count(r => _models[r.Replica].Ejection.IsEjected(now));
        var latencies = ready.Where(r => Judged(r, windowSeconds) && double.IsFinite(r.LatencyMeanMs)).Select(r => r.LatencyMeanMs).Order().ToList();
        var median = latencies.Count > 0 ? latencies[latencies.Count / 2] : double.NaN;
        var candidates = new List<(ReplicaFeatures Replica, double Severity, string Reason)>();
        foreach (var r in ready)
        {
            if (_models[r.Replica].Ejection.IsEjected(now) || !Judged(r, windowSeconds)) continue;
            if (r.ErrorRate >= rules.FailureFraction)
                candidates.Add((r, 10 + r.ErrorRate, Invariant($"error rate {r.ErrorRate * 100:0}%")));
            else if (latencies.Count >= 3 && r.LatencyMeanMs >= rules.LatencyOutlierFactor * median)
                candidates.Add((r, r.LatencyMeanMs / median, Invariant($"mean latency {r.LatencyMeanMs:0} ms = {r.LatencyMeanMs / median:0.0}x the median {median:0} ms")));
        }
        var notes = new List<string>();
        foreach (var (r, _, reason) in candidates.OrderByDescending(c => c.Severity).ThenBy(c => c.Replica.Replica, StringComparer.Ordinal))
        {
            if (ejected >= budget)
            {
                notes.Add(Invariant($"{r.Replica} not ejected ({reason}): ejection budget {budget} of {ready.Count} used"));
                continue;
            }
            var seconds = _models[r.Replica].Ejection.Eject(now, reason, rules);
            _models[r.Replica].Success.Reset();
            ejected++;
            notes.Add(Invariant($"{r.Replica} ejected for {seconds:0} s ({reason}; ejection #{_models[r.Replica].Ejection.Ejections})"));
        }
        return notes;
    }

    private bool Judged(ReplicaFeatures r, double windowSeconds) => r.Throughput * windowSeconds >= options.Ejection.MinimumRequests;

    private SortedDictionary<string, double> Weigh(List<ReplicaFeatures> replicas, List<ReplicaFeatures> ready, double now, double utilization, out Dictionary<string, string> notes)
    {
        notes = new Dictionary<string, string>(StringComparer.Ordinal);
        var rho = double.IsFinite(utilization) ? Math.Clamp(utilization, 0, 0.95) : 0;
        var serving = ready.Where(r => !_models[r.Replica].Ejection.IsEjected(now)).ToList();
        var capacities = serving.Select(r => _models[r.Replica].Capacity).OfType<double>().Order().ToList();
        var latencies = serving.Select(r => _models[r.Replica].PredictLatencyMs(rho)).OfType<double>().Order().ToList();
        var medianCapacity = capacities.Count > 0 ? capacities[capacities.Count / 2] : 1;
        var referenceLatency = latencies.Count > 0 ? latencies[latencies.Count / 2] : double.NaN;

        // Not-ready replicas are left out: they get no traffic anyway, and the actuator gives a replica missing from
        // the map the mean weight, so one that turns ready between two windows is used at once instead of sitting
        // at weight 0 until the next decision. Ejected replicas are in the map with weight 0.
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in ready) weights[r.Replica] = 0;
        foreach (var r in serving)
        {
            var model = _models[r.Replica];
            var capacity = model.Capacity ?? medianCapacity;
            var latency = model.PredictLatencyMs(rho) ?? referenceLatency;
            var latencyFactor = double.IsFinite(referenceLatency) && latency > 0
                ? Math.Clamp(Math.Pow(referenceLatency / latency, options.LatencyExponent), 1.0 / 64, 64)
                : 1;
            var successFactor = model.Success.Factor(options.SuccessExponent);
            weights[r.Replica] = capacity * latencyFactor * successFactor;
            notes[r.Replica] = model.Capacity is null
                ? "no data yet: median capacity"
                : Invariant($"capacity {capacity:0.#} req/s vs median {medianCapacity:0.#}, latency {latency:0} ms vs {referenceLatency:0} ms at utilization {rho:0.00}")
                  + (successFactor < 0.99 ? Invariant($", success {model.Success.Rate * 100:0}%") : "");
        }
        var total = weights.Values.Sum();
        if (!(total > 0))
        {
            // Fail open (Envoy's panic mode): equal weights over the ready replicas, else over every replica.
            var pool = ready.Count > 0 ? ready : replicas;
            foreach (var r in pool) weights[r.Replica] = 1;
            total = pool.Count;
            foreach (var r in pool) notes[r.Replica] = "panic: no replica left to weigh, equal weights";
        }
        foreach (var key in weights.Keys.ToList()) weights[key] = total > 0 ? weights[key] / total : 0;
        return weights;
    }
}

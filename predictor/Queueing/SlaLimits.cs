using System.Collections.Concurrent;

namespace Pipeline.Predictor.Queueing;

/// <summary>
/// The highest utilization at which n replicas of c workers each, pooled by a least-request balancer into one M/G/(n·c)
/// queue (<see cref="SlaCapacity"/>), keep P(response &gt; SLO) within the violation budget, for n = 1, 2, …: it rises with
/// n (pooling), e.g. 0.73 for one replica of 4 workers and 0.97 for ten at a 200 ms lognormal (cv 0.5) service, 1 s SLO,
/// 99.9% SLA. Computed once per n and shared: one instance per service shape, with the mean service time in 0.5% steps
/// (the learned capacity it comes from moves by less between windows), so a decision only looks values up.
/// </summary>
public sealed class SlaLimits
{
    private const double MeanStepsPerE = 200;
    private static readonly ConcurrentDictionary<(int Workers, double Cv, double Slo, double Budget, long MeanStep), SlaLimits> s_shared = new();

    private readonly ServiceTimeModel _service;
    private readonly int _workers;
    private readonly double _slo, _budget;
    private readonly List<double> _byReplicas = [double.NaN];

    private SlaLimits(ServiceTimeModel service, int workers, double slo, double budget) => (_service, _workers, _slo, _budget) = (service, workers, slo, budget);

    /// <summary>The limits for a service of <paramref name="workers"/> per replica at <paramref name="meanServiceSeconds"/> (rounded to 0.5%).</summary>
    public static SlaLimits For(int workers, double meanServiceSeconds, double cv, double sloSeconds, double violationBudget)
    {
        var step = (long)Math.Round(Math.Log(meanServiceSeconds) * MeanStepsPerE);
        return s_shared.GetOrAdd((workers, cv, sloSeconds, violationBudget, step),
            k => new SlaLimits(ServiceTimeModel.For(Math.Exp(k.MeanStep / MeanStepsPerE), k.Cv), k.Workers, k.Slo, k.Budget));
    }

    /// <summary>The highest per-worker utilization <paramref name="replicas"/> replicas meet the SLA at; 0 when none does.</summary>
    public double Utilization(int replicas)
    {
        lock (_byReplicas)
        {
            while (_byReplicas.Count <= replicas)
                _byReplicas.Add(SlaCapacity.MaxUtilization(_service, _byReplicas.Count * _workers, _slo, _budget) ?? 0);
            return _byReplicas[replicas];
        }
    }

    /// <summary>
    /// Fewest replicas of <paramref name="perReplica"/> req/s at full utilization that carry <paramref name="rate"/> within
    /// the SLA (0 for no demand), at most <paramref name="most"/> (the search stops there: a limit is computed once per
    /// count, in milliseconds); null when the service time alone breaks the SLA, so no count does.
    /// </summary>
    public int? Replicas(double rate, double perReplica, int most = int.MaxValue)
    {
        if (!(rate > 0)) return 0;
        if (Utilization(1) <= 0) return null;
        var n = (int)Math.Clamp(Math.Ceiling(Math.Round(rate / perReplica, 9)), 1, Math.Max(1, most));
        while (n < most && rate > n * perReplica * Utilization(n)) n++;
        return n;
    }
}

using Pipeline.Predictor.Queueing;

namespace Pipeline.Simulator.Queueing;

/// <summary>
/// The fewest replicas meeting the SLA if all their workers shared one FIFO queue (M/G/(N·c), <see cref="ResponseTimeTail"/>
/// on N·c servers). No balancer in front of per-replica queues does better than one shared queue, so this is a lower
/// bound for every balancer (not always reachable with per-replica queues).
/// </summary>
public sealed class PooledSlaSizing
{
    private readonly double[] _maxRate;

    /// <summary>Precomputes the largest rate 1..<paramref name="maxReplicas"/> replicas carry within the SLA.</summary>
    public PooledSlaSizing(ServiceTimeModel service, int workers, double sloSeconds, double violationBudget, int maxReplicas)
    {
        _maxRate = new double[maxReplicas + 1];
        for (var n = 1; n <= maxReplicas; n++)
        {
            var rho = SlaCapacity.MaxUtilization(service, n * workers, sloSeconds, violationBudget) ?? 0;
            _maxRate[n] = rho * n * workers / service.MeanSeconds;
        }
    }

    /// <summary>Fewest replicas carrying <paramref name="ratePerSecond"/> within the SLA (the maximum when none does).</summary>
    public int ReplicasFor(double ratePerSecond)
    {
        for (var n = 1; n < _maxRate.Length; n++)
        {
            if (ratePerSecond <= _maxRate[n]) return n;
        }
        return _maxRate.Length - 1;
    }
}

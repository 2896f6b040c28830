using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// Requests per second one replica serves at 100% utilization, learned from windows as
/// throughput / (utilization × ready replicas) (the utilization law U = X·S, so 1/S = X/U per replica), smoothed
/// exponentially; windows with almost idle replicas are skipped because the ratio is unreliable there.
/// </summary>
internal sealed class CapacityEstimator(double? configured, double smoothing)
{
    private const double MinUtilization = 0.05;

    /// <summary>Current estimate (NaN until the first usable window unless configured).</summary>
    public double PerReplica { get; private set; } = configured ?? double.NaN;

    public bool Known => !double.IsNaN(PerReplica);

    public void Observe(FeatureWindow window)
    {
        if (configured is not null) return;
        if (window.ReadyReplicas <= 0 || !(window.Utilization >= MinUtilization) || !(window.Throughput > 0)) return;
        var sample = window.Throughput / (window.Utilization * window.ReadyReplicas);
        if (!double.IsFinite(sample)) return;
        PerReplica = Known ? PerReplica + smoothing * (sample - PerReplica) : sample;
    }
}

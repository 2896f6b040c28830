namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The service's latency SLA and service-time shape, for sizing at the queueing limit (<see cref="PredictiveOptions.Sla"/>):
/// the forecast's demand is sized at the highest utilization at which the replicas, as one M/G/(n·c) queue behind a
/// least-request balancer, still answer <see cref="Target"/> of requests within <see cref="SloSeconds"/>. The mean
/// service time is not an option: it is the workers over the per-replica capacity the policy learns (the utilization law).
/// Defaults are the evaluation's service (<c>pipeline evaluate --help</c>).
/// </summary>
public sealed class SlaSizingOptions
{
    /// <summary>The latency objective in seconds.</summary>
    public double SloSeconds { get; set; } = 1.0;

    /// <summary>Share of requests that must finish within the SLO, in (0, 1).</summary>
    public double Target { get; set; } = 0.999;

    /// <summary>Requests one replica serves at once.</summary>
    public int WorkersPerReplica { get; set; } = 4;

    /// <summary>Coefficient of variation of the service time (lognormal when &gt; 0, deterministic at 0).</summary>
    public double ServiceTimeCv { get; set; } = 0.5;

    /// <summary>The utilization limits of this SLA for replicas serving <paramref name="capacityPerReplica"/> req/s at 100% (mean service time = workers / capacity).</summary>
    public Queueing.SlaLimits Limits(double capacityPerReplica) =>
        Queueing.SlaLimits.For(WorkersPerReplica, WorkersPerReplica / capacityPerReplica, ServiceTimeCv, SloSeconds, 1 - Target);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!(SloSeconds > 0 && double.IsFinite(SloSeconds))) throw new ArgumentException($"Predictive.Sla.SloSeconds: must be positive, was {SloSeconds}");
        if (!(Target > 0 && Target < 1)) throw new ArgumentException($"Predictive.Sla.Target: must be in (0, 1), was {Target}");
        if (WorkersPerReplica < 1) throw new ArgumentException($"Predictive.Sla.WorkersPerReplica: must be >= 1, was {WorkersPerReplica}");
        if (!(ServiceTimeCv >= 0 && double.IsFinite(ServiceTimeCv))) throw new ArgumentException($"Predictive.Sla.ServiceTimeCv: must be >= 0, was {ServiceTimeCv}");
    }
}

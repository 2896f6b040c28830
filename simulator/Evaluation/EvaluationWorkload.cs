using Pipeline.Simulator.Load;
using Pipeline.Predictor.Queueing;
using Pipeline.Simulator.Queueing;
using Pipeline.Simulator.References;
using Pipeline.Simulator.Traces;

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// The evaluated part of a trace, scaled, with its demand curve: shared (read-only) by every run of an evaluation.
/// </summary>
public sealed class EvaluationWorkload
{
    /// <summary>Slices the trace to [start, start + duration) and scales it per <paramref name="options"/>.</summary>
    public EvaluationWorkload(Trace trace, EvaluationOptions options, TimeSpan start = default, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Trace = trace.Slice(start, duration);
        var meanService = options.MeanServiceTime.TotalSeconds;
        var capacity = options.Workers * options.TargetUtilization / meanService;
        var peakRate = Trace.PeakRatePerSecond;
        Scale = options.Scale ?? (peakRate > 0 ? options.PeakReplicas * capacity / peakRate : 1);
        Load = new TraceLoadProfile(Trace, Scale);
        var rates = new double[Trace.Requests.Count];
        for (var i = 0; i < rates.Length; i++) rates[i] = Load.RateOfRow(i);
        Demand = new DemandCurve(rates, Trace.Interval.TotalSeconds, meanService, options.Workers, options.TargetUtilization);
        SlaUtilization = SlaCapacity.MaxUtilization(ServiceTimeModel.For(meanService, options.ServiceTimeCv), options.Workers,
            options.Slo.TotalSeconds, 1 - options.SlaTarget);
        SlaDemand = SlaUtilization is { } rho ? new DemandCurve(rates, Trace.Interval.TotalSeconds, meanService, options.Workers, rho) : null;
        SpanSeconds = Load.DurationSeconds;
        WarmupSeconds = options.Warmup?.TotalSeconds ?? SpanSeconds / 4;
        if (WarmupSeconds < 0 || WarmupSeconds >= SpanSeconds)
            throw new ArgumentException($"warm-up {TimeSpan.FromSeconds(WarmupSeconds)} must be shorter than the evaluated span {TimeSpan.FromSeconds(SpanSeconds)}");
        MaxReplicas = Math.Max(Demand.Peak, (int)Math.Ceiling(Demand.Peak * options.MaxReplicasFactor));
        var pooled = new PooledSlaSizing(ServiceTimeModel.For(meanService, options.ServiceTimeCv), options.Workers,
            options.Slo.TotalSeconds, 1 - options.SlaTarget, MaxReplicas);
        PooledSlaDemand = new DemandCurve([.. rates.Select(pooled.ReplicasFor)], Trace.Interval.TotalSeconds);
    }

    /// <summary>The options in force.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>The evaluated slice of the trace (unscaled).</summary>
    public Trace Trace { get; }

    /// <summary>Multiplier applied to the trace's rates.</summary>
    public double Scale { get; }

    /// <summary>The offered load.</summary>
    public TraceLoadProfile Load { get; }

    /// <summary>Replicas needed over time at the target utilization.</summary>
    public DemandCurve Demand { get; }

    /// <summary>
    /// Highest per-replica utilization at which the queueing model (M/G/c per replica, <see cref="SlaCapacity"/>) meets
    /// the SLA; null when the service time alone violates it.
    /// </summary>
    public double? SlaUtilization { get; }

    /// <summary>Fewest replicas meeting the SLA as M/G/c queues fed λ/N each (the demand at <see cref="SlaUtilization"/>, <c>sla-per-replica</c>); null when unreachable.</summary>
    public DemandCurve? SlaDemand { get; }

    /// <summary>Fewest replicas meeting the SLA if their workers shared one queue (<see cref="PooledSlaSizing"/>): the <c>sla-oracle</c> curve.</summary>
    public DemandCurve PooledSlaDemand { get; }

    /// <summary>Length of the evaluated span in seconds.</summary>
    public double SpanSeconds { get; }

    /// <summary>Seconds excluded from scoring at the start.</summary>
    public double WarmupSeconds { get; }

    /// <summary>Upper replica bound given to the policies.</summary>
    public int MaxReplicas { get; }

    /// <summary>Offered requests over the whole span (expected value).</summary>
    public double ExpectedRequests => Trace.Requests.Sum() * Scale;
}

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// The scored metrics of one run (after the warm-up), exactly the fields of the <c>--json</c> output.
/// Times in milliseconds or seconds as named; rates and fractions 0..1.
/// </summary>
public sealed record RunResult
{
    public required string Autoscaler { get; init; }
    public required string Balancer { get; init; }
    public required string Scenario { get; init; }

    /// <summary>Requests offered after the warm-up.</summary>
    public long Requests { get; init; }

    /// <summary>Requests that failed or found no replica.</summary>
    public long DroppedRequests { get; init; }

    /// <summary>Mean response time of the successful requests.</summary>
    public double AvgResponseMs { get; init; }
    public double P50ResponseMs { get; init; }
    public double P95ResponseMs { get; init; }
    public double P99ResponseMs { get; init; }

    /// <summary>Successful completions per second.</summary>
    public double ThroughputRps { get; init; }

    /// <summary>Busy worker time / serving (ready or draining) worker time, 0..1.</summary>
    public double Utilization { get; init; }

    /// <summary>Median time from an onset of under-provisioning to the decision covering it (negative: decided first); null without onsets.</summary>
    public double? ScalingDecisionLatencyS { get; init; }

    /// <summary>Fraction of requests slower than the SLO or dropped.</summary>
    public double SlaViolationRate { get; init; }

    /// <summary>Replica-hours of every existing replica (starting, ready, draining).</summary>
    public double ReplicaHours { get; init; }

    /// <summary>100 * (1 - replicaHours / hpa's replicaHours) for the same balancer and scenario (else hpa + round-robin); null without an hpa run.</summary>
    public double? CostReductionPct { get; init; }

    /// <summary>SPEC RG elasticity metrics, demand vs ready replicas.</summary>
    public required ElasticityMetrics Elasticity { get; init; }
}

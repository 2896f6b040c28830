using Pipeline.Features.Windowing;
using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// Settings of an evaluation, identical for every run in it. Defaults model a typical web service doing a database
/// call or two per request: lognormal service times (mean 200 ms, cv 0.5), 4 workers per replica (20 req/s capacity,
/// 12 req/s at the 60% target), a 1 s response-time SLO met by 99.9% of requests, a 60 s replica start-up delay, and
/// the trace scaled so its peak needs 20 replicas.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>Mean service time of a request on a nominal replica. Default 200 ms.</summary>
    public TimeSpan MeanServiceTime { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Coefficient of variation of the lognormal service time (0 = deterministic). Default 0.5.</summary>
    public double ServiceTimeCv { get; init; } = 0.5;

    /// <summary>Parallel workers per replica. Default 4.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Waiting requests a replica holds beyond its workers before it rejects with an error. Default 1000.</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>Response-time objective; slower or failed requests violate the SLA. Default 1 s (5 mean service times).</summary>
    public TimeSpan Slo { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Share of requests the SLA promises within <see cref="Slo"/> (default 99.9%): a run meets the SLA when its
    /// <see cref="RunResult.SlaViolationRate"/> is at most 1 - this. (Lognormal service times alone put about 0.01% of
    /// requests over 1 s, so no run can have literally zero slow requests.)
    /// </summary>
    public double SlaTarget { get; init; } = 0.999;

    /// <summary>Time from a replica's creation to its first request. Default 60 s.</summary>
    public TimeSpan StartupDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Target utilization shared by every policy (HPA target, demand definition, oracle). Default 0.6.</summary>
    public double TargetUtilization { get; init; } = 0.6;

    /// <summary>Scale the trace so its peak needs this many replicas at the target utilization. Default 20; ignored when <see cref="Scale"/> is set.</summary>
    public int PeakReplicas { get; init; } = 20;

    /// <summary>Multiply the trace by this instead of scaling to <see cref="PeakReplicas"/>.</summary>
    public double? Scale { get; init; }

    /// <summary>Scoring starts after this part of the span; null = the first quarter. Policies run from the start.</summary>
    public TimeSpan? Warmup { get; init; }

    /// <summary>Lower replica bound given to every policy. Default 1.</summary>
    public int MinReplicas { get; init; } = 1;

    /// <summary>Upper replica bound given to every policy, as a multiple of the peak demand. Default 3.</summary>
    public double MaxReplicasFactor { get; init; } = 3;

    /// <summary>Length of a replica's metric sample (as the live collectors). Default 1 s.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The live pipeline's windowing (15 s tumbling windows, 5 s grace by default): decisions see the same delay.</summary>
    public WindowingOptions Windowing { get; init; } = new();

    /// <summary>Changes to the <c>predictive</c> policy's options after the shared ones (target, start-up delay) are set: its operating point.</summary>
    public Action<PredictiveOptions>? ConfigurePredictive { get; init; }

    /// <summary>Whether the <c>predictive</c> policy sizes at the queueing limit of this service's SLA (<see cref="SlaSizing"/>; default true; false: its fixed utilizations).</summary>
    public bool PredictiveSlaSizing { get; init; } = true;

    /// <summary>The service's SLA and service-time shape, as the <c>predictive</c> policy's queueing-limit sizing takes them.</summary>
    public SlaSizingOptions SlaSizing() => new()
    {
        SloSeconds = Slo.TotalSeconds,
        Target = SlaTarget,
        WorkersPerReplica = Workers,
        ServiceTimeCv = ServiceTimeCv,
    };

    /// <summary>
    /// Factor on the replicas <c>sla-reactive</c> provisions (default 1: none beyond the queueing limit), so its headroom
    /// can be swept like the HPA's target: what perfect reaction costs at each violation rate.
    /// </summary>
    public double ReactiveHeadroom { get; init; } = 1;

    /// <summary>Seed of every run (the same seed for every combination: common random numbers).</summary>
    public long Seed { get; init; } = 42;
}

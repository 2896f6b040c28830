using Pipeline.Predictor.Service;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Control;

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// Runs one autoscaler x balancer x scenario over a workload in virtual time. Every second the cluster emits one
/// <see cref="Contracts.Messages.MetricSample"/> per replica, and the <see cref="ClusterControlLoop"/> passes them
/// through the live pipeline's code: the features stage's windowing (15 s windows closed 5 s after their end by
/// default), the predictor's decision step and the actuator's rails. So policies see the same metrics with the same
/// delay as in the live pipeline, minus Kafka's transport latency. Policies run from the span's start; metrics are
/// scored after the warm-up.
/// </summary>
public static class EvaluationRunner
{
    private const string Service = "web";

    /// <summary>Runs one combination; <paramref name="progress"/> receives the simulated fraction (0..1).</summary>
    public static RunOutcome Run(EvaluationWorkload workload, RunSpec spec, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(spec);
        ScenarioNames.Validate(spec.Scenario);
        var options = workload.Options;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var predictor = EvaluationPolicies.Options(workload, spec);
        var registry = EvaluationPolicies.Create(workload);
        var policy = registry.Create(spec.Autoscaler);
        var cluster = CreateCluster(workload, spec, policy.SizesFromUtilization);
        var loop = new ClusterControlLoop(cluster, PredictorPolicies.CreateStep(predictor, registry), options.Windowing);
        var events = ScenarioEvents.Schedule(spec.Scenario, workload.SpanSeconds, options.StartupDelay.TotalSeconds);
        var nextEvent = 0;
        string? lastFaulted = null;

        var step = options.SampleInterval.TotalSeconds;
        var steps = (int)Math.Ceiling(workload.SpanSeconds / step - 1e-9);
        var warmStep = Math.Min(steps - 1, (int)Math.Round(workload.WarmupSeconds / step));
        var demand = new int[steps];
        var ready = new int[steps];
        var desired = new int[steps];
        var latency = new LatencyTimeline(workload, step);
        var reportEvery = Math.Max(1, steps / 200);

        for (var i = 0; i < steps; i++)
        {
            var t = (i + 1) * step;
            while (nextEvent < events.Count && events[nextEvent].AtSeconds <= t)
            {
                var e = events[nextEvent++];
                cluster.AdvanceToSeconds(e.AtSeconds);
                var target = e.Newest ? cluster.Snapshot(Service).Replicas[^1].Name : e.SameReplicaAsPrevious ? lastFaulted : null;
                lastFaulted = cluster.InjectFault(Service, target, e.Fault) ?? lastFaulted;
            }
            loop.AdvanceToSeconds(t);
            var counts = cluster.Counts(Service);
            demand[i] = workload.Demand.At(t - step / 2);
            ready[i] = counts.Ready;
            desired[i] = counts.Desired;
            if (i + 1 == warmStep)
            {
                latency.Close(cluster.Statistics(Service), t);
                cluster.ResetStatistics(Service);
                latency.Restart();
            }
            latency.Observe(cluster.Statistics(Service), t);
            if (progress is not null && (i % reportEvery == 0 || i == steps - 1)) progress.Report((i + 1) / (double)steps);
        }

        var stats = cluster.Statistics(Service);
        var result = Score(spec, workload, stats, demand, ready, desired, warmStep, step);
        return new RunOutcome(result, BuildSeries(workload, demand, ready, desired, step, latency, stats))
        {
            SimulatedRequests = cluster.Snapshot(Service).Arrivals,
            WallTime = clock.Elapsed,
            PolicyTime = loop.DecisionTime,
        };
    }

    private static SimulatedCluster CreateCluster(EvaluationWorkload workload, RunSpec spec, bool equalizeUtilization)
    {
        var options = workload.Options;
        var mean = options.MeanServiceTime.TotalSeconds;
        return new SimulatedCluster(
            new SimulatedClusterOptions { Start = workload.Trace.Start, Seed = options.Seed, SampleInterval = options.SampleInterval },
            [new ServiceOptions
            {
                Name = Service,
                Load = workload.Load,
                Balancer = spec.Balancer,
                EqualizeUtilization = equalizeUtilization,
                ServiceTime = options.ServiceTimeCv > 0 ? ServiceTimeDistribution.LogNormal(mean, options.ServiceTimeCv) : ServiceTimeDistribution.Deterministic(mean),
                Workers = options.Workers,
                QueueCapacity = options.QueueCapacity,
                StartupDelay = options.StartupDelay,
                InitialReplicas = workload.Demand.At(0),
                SpeedFactors = ScenarioEvents.SpeedFactors(spec.Scenario),
                Slo = options.Slo,
            }]);
    }

    private static RunResult Score(RunSpec spec, EvaluationWorkload workload, ServiceStatistics stats, int[] demand, int[] ready, int[] desired, int warmStep, double step)
    {
        var scoredDemand = demand.AsSpan(warmStep);
        var scoredReady = ready.AsSpan(warmStep);
        var dropped = stats.Rejected + stats.Failed;
        var elapsed = Math.Max(stats.ElapsedSeconds, 1e-9);
        return new RunResult
        {
            Autoscaler = spec.Autoscaler,
            Balancer = spec.Balancer,
            Scenario = spec.Scenario,
            Requests = stats.Arrivals,
            DroppedRequests = dropped,
            AvgResponseMs = stats.Latency.Count > 0 ? stats.Latency.SumSeconds / stats.Latency.Count * 1000 : 0,
            P50ResponseMs = Ms(stats.Latency.Quantile(0.50)),
            P95ResponseMs = Ms(stats.Latency.Quantile(0.95)),
            P99ResponseMs = Ms(stats.Latency.Quantile(0.99)),
            ThroughputRps = stats.Succeeded / elapsed,
            Utilization = stats.ServingWorkerSeconds > 0 ? stats.BusyWorkerSeconds / stats.ServingWorkerSeconds : 0,
            ScalingDecisionLatencyS = DecisionLatency.Median(demand, ready, desired, step, warmStep),
            SlaViolationRate = stats.Arrivals > 0 ? (stats.SlowRequests + dropped) / (double)stats.Arrivals : 0,
            ReplicaHours = stats.ReplicaSeconds / 3600,
            Elasticity = ElasticityMetrics.Compute(scoredDemand, scoredReady, step),
        };
    }

    private static double Ms(double seconds) => double.IsNaN(seconds) ? 0 : seconds * 1000;

    private static RunSeries BuildSeries(EvaluationWorkload workload, int[] demand, int[] ready, int[] desired, double step, LatencyTimeline latency, ServiceStatistics stats)
    {
        var perPoint = Math.Max(1, (int)Math.Round(60 / step));
        var points = demand.Length / perPoint;
        var minutes = new double[points];
        double[] d = new double[points], r = new double[points], s = new double[points];
        for (var p = 0; p < points; p++)
        {
            var i = (p + 1) * perPoint - 1;
            minutes[p] = (i + 1) * step / 60;
            d[p] = demand[i];
            r[p] = ready[i];
            s[p] = desired[i];
        }
        double[] fractions = [.. Enumerable.Range(0, 400).Select(k => 1 - Math.Pow(10, -4.0 * k / 399))];
        return new RunSeries
        {
            Minutes = minutes,
            Demand = d,
            Ready = r,
            Desired = s,
            LatencyMinutes = [.. latency.Ends],
            P50Ms = [.. latency.P50],
            P95Ms = [.. latency.P95],
            P99Ms = [.. latency.P99],
            CdfFractions = fractions,
            CdfMs = [.. fractions.Select(f => Ms(stats.Latency.Quantile(f)))],
            WarmupMinutes = workload.WarmupSeconds / 60,
        };
    }
}

/// <summary>The scored result and the plot series of one run.</summary>
public sealed record RunOutcome(RunResult Result, RunSeries Series)
{
    /// <summary>Requests simulated over the whole span, warm-up included.</summary>
    public long SimulatedRequests { get; init; }

    /// <summary>Wall-clock time the run took (benchmark figure only; never used in decisions).</summary>
    public TimeSpan WallTime { get; init; }

    /// <summary>Part of <see cref="WallTime"/> spent inside the autoscaling policy's decisions.</summary>
    public TimeSpan PolicyTime { get; init; }
}

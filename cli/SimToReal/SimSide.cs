using Pipeline.Predictor.Decisions;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Control;

namespace Pipeline.Cli.SimToReal;

/// <summary>
/// The simulated side of one combination: a cluster with the replica model of the real fleet (service time, workers,
/// queue, start-up including the process launch) on the segment's load, driven by the same decision step; also the
/// pre-roll both sides start from.
/// </summary>
internal sealed class SimSide
{
    private readonly ClusterControlLoop _loop;
    private long _changes;
    private bool _counting;

    public SimSide(SegmentLoad load, string autoscaler, string proxyBalancer, DateTimeOffset prerollStart)
    {
        var s = load.Settings;
        Options = Decisions(s, autoscaler, proxyBalancer);
        var registry = PredictorPolicies.Autoscaling(Options);
        var profile = load.Profile();
        var mean = s.Replica.ServiceMeanMs / 1000;
        var first = profile.SegmentAt(0).RatePerSecond;
        Cluster = new SimulatedCluster(new SimulatedClusterOptions { Start = prerollStart, Seed = s.Seed },
            [new ServiceOptions
            {
                Name = "web",
                Load = profile,
                Balancer = BalancerPairs.Simulated(proxyBalancer),
                EqualizeUtilization = registry.Create(autoscaler).SizesFromUtilization,
                ServiceTime = ServiceTimeDistribution.LogNormal(mean, s.Replica.ServiceCv),
                Workers = s.Replica.Workers,
                StartupDelay = s.EffectiveStartup,
                InitialReplicas = Math.Max(1, (int)Math.Ceiling(first * mean / (s.Replica.Workers * s.TargetUtilization))),
                Slo = s.Slo,
            }]);
        Step = PredictorPolicies.CreateStep(Options, registry);
        _loop = new ClusterControlLoop(Cluster, Step)
        {
            Decided = (_, _, applied) =>
            {
                if (!_counting) return;
                if (applied.AppliedReplicas != applied.PreviousReplicas)
                {
                    _changes++;
                    Changed?.Invoke(applied);
                }
                MaxDesired = Math.Max(MaxDesired, applied.AppliedReplicas);
            },
        };
    }

    public PredictorOptions Options { get; }
    public SimulatedCluster Cluster { get; }
    public DecisionStep Step { get; }

    /// <summary>Called with every applied scale change during the segment.</summary>
    public Action<Contracts.Messages.ActuationResult>? Changed { get; set; }

    /// <summary>Most replicas desired during the segment.</summary>
    public int MaxDesired { get; private set; }

    /// <summary>Scale changes applied since <see cref="StartSegment"/>.</summary>
    public long ScaleChanges => _changes;

    /// <summary>Runs the pre-roll up to <paramref name="segmentStart"/>; returns the replicas desired then.</summary>
    public int Preroll(DateTimeOffset segmentStart)
    {
        for (var t = Cluster.Now + TimeSpan.FromMinutes(1); t < segmentStart; t += TimeSpan.FromMinutes(1)) _loop.AdvanceTo(t);
        _loop.AdvanceTo(segmentStart);
        return Cluster.Counts("web").Desired;
    }

    /// <summary>Zeroes the statistics at the segment's start; from here on scale changes are counted.</summary>
    public void StartSegment()
    {
        Cluster.ResetStatistics("web");
        MaxDesired = Cluster.Counts("web").Desired;
        _counting = true;
    }

    /// <summary>Runs the segment to <paramref name="end"/>.</summary>
    public void RunTo(DateTimeOffset end) => _loop.AdvanceTo(end);

    public static PredictorOptions Decisions(SimToRealSettings s, string autoscaler, string proxyBalancer) => new()
    {
        AutoscalingPolicy = autoscaler,
        RoutingPolicy = BalancerRoutingPolicies.For(BalancerPairs.Simulated(proxyBalancer)) ?? "",
        ShadowPolicy = "",
        TargetUtilization = s.TargetUtilization,
        StartupDelay = s.EffectiveStartup,
        MaxReplicas = s.MaxReplicas,
    };
}

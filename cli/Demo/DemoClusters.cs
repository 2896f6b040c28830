using Pipeline.Cli.Hosting;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Decisions;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Control;

namespace Pipeline.Cli.Demo;

/// <summary>
/// The demo's simulated clusters: the main one the live pipeline drives with <see cref="Step"/>, and the twin the
/// comparison policy drives. Both start at <paramref name="start"/> on the same load and seed; the main one's data plane
/// equalizes utilization when its policy sizes from it, as in the evaluation.
/// </summary>
internal sealed class DemoClusters(PredictorOptions options, string? trace, long seed, DateTimeOffset start, TimeSpan preroll)
{
    private readonly Lazy<(SimulatedCluster Cluster, DecisionStep Step)> _main = new(() => Build(options, trace, seed, start, preroll));

    /// <summary>The cluster the live pipeline drives.</summary>
    public SimulatedCluster Main => _main.Value.Cluster;

    /// <summary>The decision step the live predictor runs (warm after <see cref="Preroll"/>).</summary>
    public DecisionStep Step => _main.Value.Step;

    /// <summary>Runs the main cluster through <see cref="Step"/> up to <paramref name="liveStart"/>, then zeroes its statistics.</summary>
    public PrerollReport Preroll(DateTimeOffset liveStart)
    {
        var preroll = new DemoPreroll();
        var report = preroll.Run(new ClusterControlLoop(Main, Step) { Decided = (_, d, _) => preroll.Observe(d.Scale) }, liveStart);
        Main.ResetStatistics(SimulationSetup.Service);
        return report;
    }

    /// <summary>The twin driven by the shadow policy, pre-rolled to <paramref name="liveStart"/>; null without a distinct shadow.</summary>
    public TwinRun? Twin(DateTimeOffset liveStart)
    {
        if (string.IsNullOrWhiteSpace(options.ShadowPolicy) || options.ShadowPolicy == options.AutoscalingPolicy) return null;
        var twinOptions = new PredictorOptions
        {
            AutoscalingPolicy = options.ShadowPolicy,
            RoutingPolicy = options.RoutingPolicy,
            ShadowPolicy = "",
            TargetUtilization = options.TargetUtilization,
            StartupDelay = options.StartupDelay,
            MinReplicas = options.MinReplicas,
            MaxReplicas = options.MaxReplicas,
            Predictive = new PredictiveOptions(),
        };
        var (cluster, step) = Build(twinOptions, trace, seed, start, preroll);
        var loop = new ClusterControlLoop(cluster, step);
        loop.AdvanceTo(liveStart);
        cluster.ResetStatistics(SimulationSetup.Service);
        return new TwinRun(loop, options.ShadowPolicy);
    }

    private static (SimulatedCluster, DecisionStep) Build(PredictorOptions options, string? trace, long seed, DateTimeOffset start, TimeSpan preroll)
    {
        var registry = PredictorPolicies.Autoscaling(options);
        var equalize = registry.Create(options.AutoscalingPolicy).SizesFromUtilization;
        var cluster = SimulationSetup.Create(start, trace, seed, startupDelay: options.StartupDelay, equalizeUtilization: equalize, surgeAfter: preroll);
        return (cluster, PredictorPolicies.CreateStep(options, registry));
    }
}

/// <summary>The comparison policy's control loop over its own cluster.</summary>
internal sealed record TwinRun(ClusterControlLoop Loop, string Policy);

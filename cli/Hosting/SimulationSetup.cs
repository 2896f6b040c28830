using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Load;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.Hosting;

/// <summary>The simulated service the demo and <c>pipeline ingest --source simulator</c> run: one service <c>web</c>.</summary>
internal static class SimulationSetup
{
    /// <summary>Service id of the simulated service.</summary>
    public const string Service = "web";

    /// <summary>Peak request rate a trace is scaled to, so the demo needs a handful of replicas, not hundreds.</summary>
    public const double TracePeakRatePerSecond = 150;

    /// <summary>
    /// A cluster starting at <paramref name="start"/> with one service on the built-in synthetic load (a daily pattern
    /// compressed to 20 minutes plus a 3x surge for 3 minutes from minute 1 after <paramref name="surgeAfter"/>), or on <paramref name="tracePath"/> scaled to a
    /// peak of <see cref="TracePeakRatePerSecond"/> req/s. Replicas: 100 ms mean service time, 4 workers, start-up
    /// <paramref name="startupDelay"/> (default 20 s). The data plane is the evaluated <c>learned</c> balancer (Envoy's
    /// weighted least-request with the per-request guards), so the route decisions the actuator applies take effect;
    /// <paramref name="equalizeUtilization"/> when the autoscaler sizes from utilization, as in the evaluation.
    /// </summary>
    public static SimulatedCluster Create(DateTimeOffset start, string? tracePath, long seed, int initialReplicas = 3,
        TimeSpan? startupDelay = null, bool equalizeUtilization = true, TimeSpan surgeAfter = default)
    {
        return new SimulatedCluster(
            new SimulatedClusterOptions { Start = start, Seed = seed },
            [new ServiceOptions { Name = Service, Load = Load(tracePath, surgeAfter), InitialReplicas = initialReplicas,
                StartupDelay = startupDelay ?? TimeSpan.FromSeconds(20), Balancer = BalancerNames.Learned, EqualizeUtilization = equalizeUtilization }]);
    }

    /// <summary>The offered load: the synthetic pattern, or the trace at <paramref name="tracePath"/> scaled to the demo's peak.</summary>
    public static ILoadProfile Load(string? tracePath, TimeSpan surgeAfter = default) => tracePath is null
        ? new SyntheticLoadProfile(new SyntheticLoadOptions
        {
            BaseRatePerSecond = 50,
            DailyAmplitude = 0.3,
            Period = TimeSpan.FromMinutes(20),
            SurgeStart = surgeAfter + TimeSpan.FromMinutes(1),
            SurgeDuration = TimeSpan.FromMinutes(3),
            SurgeMultiplier = 3,
        })
        : TraceProfile(tracePath);

    private static TraceLoadProfile TraceProfile(string path)
    {
        var trace = TraceReader.Read(path);
        var peak = trace.PeakRatePerSecond;
        return new TraceLoadProfile(trace, peak > 0 ? TracePeakRatePerSecond / peak : 1);
    }
}

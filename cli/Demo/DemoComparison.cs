using Pipeline.Cli.Hosting;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Cli.Demo;

/// <summary>The summary's comparison of the acting policy with the shadow policy's twin cluster over the same live span.</summary>
internal static class DemoComparison
{
    public static void Print(TextWriter output, PredictorOptions options, SimulatedCluster main, TwinRun twin, DemoState state)
    {
        var a = Read(main);
        var b = Read(twin.Loop.Cluster);
        var acting = $"{options.AutoscalingPolicy}";
        output.WriteLine();
        output.WriteLine($"== {acting} vs {twin.Policy}: same load, seed and live span ({twin.Policy} on a twin cluster, the same decision step) ==");
        output.WriteLine($"{"",-30}{acting,14}{twin.Policy,14}{"change",10}");
        Row(output, "mean replicas", a.MeanReplicas, b.MeanReplicas, "0.00");
        Row(output, "replica-minutes", a.ReplicaMinutes, b.ReplicaMinutes, "0.0");
        Row(output, "requests slow (> SLO) or failed", a.Slow, b.Slow, "0");
        Row(output, "  share of requests (%)", a.SlowShare * 100, b.SlowShare * 100, "0.000");
        Row(output, "p99 latency (ms)", a.P99Ms, b.P99Ms, "0.0");
        Row(output, "requests", a.Requests, b.Requests, "0");
        if (state.ShadowCompared > 0)
            output.WriteLine($"shadow {twin.Policy} on the same windows: asked more replicas in {state.ShadowAskedMore} and fewer in {state.ShadowAskedFewer} of {state.ShadowCompared} decisions");
        var first = state.FirstForecastAt is { } at ? $"first after {(at - state.Began).TotalSeconds:0.0} s of wall time" : "none";
        output.WriteLine($"forecast-driven decisions {state.ForecastDecisions} of {state.ScaleDecisions} ({first})");
    }

    private static void Row(TextWriter output, string name, double a, double b, string format)
    {
        var change = b != 0 ? $"{(a - b) / b * 100:+0.0;-0.0;0.0}%" : "n/a";
        output.WriteLine($"{name,-30}{a.ToString(format),14}{b.ToString(format),14}{change,10}");
    }

    private static Figures Read(SimulatedCluster cluster)
    {
        lock (cluster)
        {
            var s = cluster.Statistics(SimulationSetup.Service);
            var elapsed = Math.Max(s.ElapsedSeconds, 1e-9);
            var p99 = s.Latency.Quantile(0.99);
            return new Figures(s.ReplicaSeconds / elapsed, s.ReplicaSeconds / 60, s.SlowRequests + s.Rejected + s.Failed,
                s.Arrivals > 0 ? (s.SlowRequests + s.Rejected + s.Failed) / (double)s.Arrivals : 0, double.IsFinite(p99) ? p99 * 1000 : 0, s.Arrivals);
        }
    }

    private sealed record Figures(double MeanReplicas, double ReplicaMinutes, long Slow, double SlowShare, double P99Ms, long Requests);
}

using Microsoft.Extensions.Logging;

namespace Pipeline.Cli.SimToReal;

/// <summary>Runs every autoscaler x balancer combination through the real fleet, then through the simulator from the same pre-roll.</summary>
internal static class SimToRealRunner
{
    public static async Task<IReadOnlyList<Comparison>> RunAsync(SimToRealSettings s, Action<string> log, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var load = SegmentLoad.Create(s);
        var comparisons = new List<Comparison>();
        foreach (var (autoscaler, balancer) in s.Runs)
        {
            {
                // The segment starts once the pre-roll is computed and the fleet is up: about a minute from now, on a window boundary.
                var start = AlignUp(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(15));
                var (real, note) = (new SideFigures(), "simulated side only");
                if (!s.SimulatedOnly)
                {
                    log($"{autoscaler} + {balancer}: real run");
                    (real, _, note) = await RealSide.RunAsync(load, autoscaler, balancer, start, log, logging, cancellationToken);
                }
                log($"{autoscaler} + {balancer}: simulated run from the same pre-roll");
                var sim = new SimSide(load, autoscaler, balancer, start - s.Preroll);
                sim.Preroll(start);
                sim.StartSegment();
                if (s.SimulatedOnly) sim.Changed = a => log($"sim: {a.Timestamp - start:hh\\:mm\\:ss} {a.PreviousReplicas} -> {a.AppliedReplicas}");
                sim.RunTo(start + s.Duration);
                comparisons.Add(new Comparison(autoscaler, balancer, Figures(sim), real, note));
            }
        }
        return comparisons;
    }

    public static SideFigures Figures(SimSide sim)
    {
        var stats = sim.Cluster.Statistics("web");
        double Ms(double q) => stats.Latency.Count > 0 ? stats.Latency.Quantile(q) * 1000 : 0;
        return new SideFigures
        {
            Requests = stats.Arrivals,
            P50Ms = Ms(0.5),
            P95Ms = Ms(0.95),
            P99Ms = Ms(0.99),
            SlowOrFailed = stats.SlowRequests + stats.Rejected + stats.Failed,
            ReplicaSeconds = stats.ReplicaSeconds,
            ScaleChanges = sim.ScaleChanges,
            MaxReplicas = sim.MaxDesired,
        };
    }

    private static DateTimeOffset AlignUp(DateTimeOffset t, TimeSpan size) =>
        new(t.UtcTicks + (size.Ticks - t.UtcTicks % size.Ticks) % size.Ticks, TimeSpan.Zero);
}

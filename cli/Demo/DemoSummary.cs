using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Cli.Demo;

/// <summary>The short summary the demo prints at the end.</summary>
internal static class DemoSummary
{
    public static void Print(TextWriter output, SimulatedCluster cluster, string service, DemoState state, StageCounters counters,
        TimeSpan virtualSpan, long samplesPublished, string? influx)
    {
        ServiceSnapshot snapshot;
        ServiceStatistics stats;
        lock (cluster)
        {
            snapshot = cluster.Snapshot(service);
            stats = cluster.Statistics(service);
        }
        var latencies = state.LatenciesMs;
        output.WriteLine();
        output.WriteLine("== pipeline demo summary ==");
        output.WriteLine($"virtual time covered     {virtualSpan.TotalMinutes:0.0} min");
        output.WriteLine($"samples published        {samplesPublished}");
        output.WriteLine($"feature windows          {state.Windows}");
        output.WriteLine($"scale decisions          {state.ScaleDecisions} (scale-ups {state.ScaleUps}, scale-downs {state.ScaleDowns}); route decisions {state.RouteDecisions}");
        output.WriteLine($"actuation results        {state.Actuations}");
        output.WriteLine($"replicas                 desired {snapshot.DesiredReplicas}, ready {snapshot.ReadyReplicas}, most requested {state.MaxDesiredReplicas}");
        output.WriteLine($"requests                 {stats.Arrivals} arrived, {stats.Succeeded} succeeded, {stats.Rejected} rejected, {stats.Failed} failed (replica queue full or faulty), {stats.SlowRequests} slower than the SLO; " +
                         $"latency p50 {Fmt(stats.Latency.Quantile(0.5) * 1000)}, p99 {Fmt(stats.Latency.Quantile(0.99) * 1000)}");
        output.WriteLine($"dead letters             {state.DeadLetters}{(state.DeadLetters > 0 ? $" ({string.Join(", ", state.DeadLettersByStage.Select(p => $"{p.Key} {p.Value}"))})" : "")}");
        output.WriteLine($"decision latency         p50 {Fmt(Percentiles.Of(latencies, 50))}, p99 {Fmt(Percentiles.Of(latencies, 99))}, max {Fmt(latencies.Count > 0 ? latencies.Max() : double.NaN)} over {latencies.Count} decisions " +
                         "(sample produced -> scale decision produced, Kafka record timestamps)");
        foreach (var (stage, c) in counters.All)
            output.WriteLine($"stage {stage,-18} consumed {c.Consumed}, published {c.Published}, dead-lettered {c.DeadLettered}");
        if (influx is not null) output.WriteLine($"InfluxDB                 {influx} (database pipeline)");
        foreach (var d in state.RecentDecisions)
            output.WriteLine($"last decision            {d.WindowEnd:HH:mm:ss} {d.CurrentReplicas} -> {d.DesiredReplicas} [{d.Rule}] {d.Explanation}");
    }

    private static string Fmt(double ms) => double.IsFinite(ms) ? $"{ms:0.0} ms" : "n/a";
}

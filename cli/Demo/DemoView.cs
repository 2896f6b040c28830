using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Simulator.Cluster;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipeline.Cli.Demo;

/// <summary>Renders the demo's live view: load, replicas, latency, latest decisions with explanations, dead letters and stage counters.</summary>
internal sealed class DemoView(SimulatedCluster cluster, string service, DemoState state, StageCounters counters, TimeProvider time, double speedUp)
{
    public IRenderable Render(TimeSpan elapsed, TimeSpan duration)
    {
        ServiceSnapshot snapshot;
        double offered;
        lock (cluster)
        {
            snapshot = cluster.Snapshot(service);
            offered = cluster.OfferedRate(service);
        }
        var header = new Markup($"[bold]pipeline demo[/]  virtual time [cyan]{time.GetUtcNow():yyyy-MM-dd HH:mm:ss}[/] ({speedUp:0.##}x)  " +
            $"wall [cyan]{elapsed.TotalSeconds:0}s[/] / {duration.TotalSeconds:0}s");
        return new Rows(header, Cluster(snapshot, offered), Decisions(), Health());
    }

    private Table Cluster(ServiceSnapshot snapshot, double offered)
    {
        var w = state.LatestWindow;
        var table = new Table().Border(TableBorder.Rounded).Title($"service [bold]{Markup.Escape(service)}[/]");
        foreach (var c in new[] { "offered load", "measured rate", "replicas desired/ready/starting/draining", "utilization", "latency p50 / p95 / p99", "in flight" })
            table.AddColumn(c);
        table.AddRow(
            $"{offered:0.0} req/s",
            w is null ? "-" : $"{w.RequestRate:0.0} req/s",
            $"{snapshot.DesiredReplicas} / [green]{snapshot.ReadyReplicas}[/] / [yellow]{snapshot.StartingReplicas}[/] / {snapshot.DrainingReplicas}",
            w is null ? "-" : $"{w.Utilization:P0}",
            w is null ? "-" : $"{Ms(w.LatencyP50Ms)} / {Ms(w.LatencyP95Ms)} / {Ms(w.LatencyP99Ms)}",
            $"{snapshot.InFlight}");
        return table;
    }

    private Table Decisions()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("latest scale decisions").Expand();
        table.AddColumn("window end");
        table.AddColumn("rule");
        table.AddColumn("replicas");
        table.AddColumn("explanation");
        foreach (var d in state.RecentDecisions.Reverse())
        {
            var arrow = d.DesiredReplicas > d.CurrentReplicas ? "[green]↑[/]" : d.DesiredReplicas < d.CurrentReplicas ? "[yellow]↓[/]" : "=";
            table.AddRow($"{d.WindowEnd:HH:mm:ss}", Markup.Escape(d.Rule), $"{d.CurrentReplicas} → {d.DesiredReplicas} {arrow}", Markup.Escape(d.Explanation));
        }
        return table;
    }

    private Table Health()
    {
        var latencies = state.LatenciesMs;
        var table = new Table().Border(TableBorder.Rounded).Title("pipeline").Expand();
        table.AddColumn("stage");
        table.AddColumn("consumed");
        table.AddColumn("published");
        table.AddColumn("dead-lettered");
        foreach (var (stage, c) in counters.All) table.AddRow(stage, $"{c.Consumed}", $"{c.Published}", c.DeadLettered > 0 ? $"[red]{c.DeadLettered}[/]" : "0");
        var recent = string.Join(" | ", state.RecentDeadLetters.Select(r => r.Length > 90 ? r[..90] + "…" : r));
        table.Caption($"decisions {state.ScaleDecisions} (↑{state.ScaleUps} ↓{state.ScaleDowns}), actuations {state.Actuations}, " +
            $"decision latency p50 {Ms(Percentiles.Of(latencies, 50))} p99 {Ms(Percentiles.Of(latencies, 99))} (n={latencies.Count}), " +
            $"dead letters {state.DeadLetters}{(recent.Length > 0 ? ": " + Markup.Escape(recent) : "")}");
        return table;
    }

    private static string Ms(double ms) => double.IsFinite(ms) ? $"{ms:0.#} ms" : "-";
}

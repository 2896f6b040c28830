namespace Pipeline.Cli.SimToReal;

/// <summary>One combination's simulated and real figures, with the relative error of each metric ((sim − real) / real).</summary>
internal sealed record Comparison(string Autoscaler, string Balancer, SideFigures Sim, SideFigures Real, string Note)
{
    public IReadOnlyList<(string Metric, double Sim, double Real, double? Error)> Rows =>
    [
        Row("requests", Sim.Requests, Real.Requests),
        Row("p50 (ms)", Sim.P50Ms, Real.P50Ms),
        Row("p95 (ms)", Sim.P95Ms, Real.P95Ms),
        Row("p99 (ms)", Sim.P99Ms, Real.P99Ms),
        Row("slow (> SLO) or failed", Sim.SlowOrFailed, Real.SlowOrFailed),
        Row("replica-seconds", Sim.ReplicaSeconds, Real.ReplicaSeconds),
        Row("scale changes", Sim.ScaleChanges, Real.ScaleChanges),
        Row("most replicas", Sim.MaxReplicas, Real.MaxReplicas),
    ];

    private static (string, double, double, double?) Row(string metric, double sim, double real) =>
        (metric, sim, real, real != 0 ? (sim - real) / real : sim == 0 ? 0 : null);
}

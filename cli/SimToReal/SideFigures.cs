namespace Pipeline.Cli.SimToReal;

/// <summary>What one side (simulated or real) measured over the segment.</summary>
internal sealed record SideFigures
{
    public long Requests { get; init; }
    public double P50Ms { get; init; }
    public double P95Ms { get; init; }
    public double P99Ms { get; init; }

    /// <summary>Requests slower than the SLO, failed or not served.</summary>
    public long SlowOrFailed { get; init; }
    public double ReplicaSeconds { get; init; }
    public long ScaleChanges { get; init; }
    public int MaxReplicas { get; init; }
}

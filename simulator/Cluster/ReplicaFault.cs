namespace Pipeline.Simulator.Cluster;

/// <summary>A failure injected into one replica.</summary>
public enum ReplicaFaultKind
{
    /// <summary>Healthy (clears an earlier slow-down or fail-fast fault).</summary>
    None,

    /// <summary>Serves requests <see cref="ReplicaFault.SlowdownFactor"/> times slower.</summary>
    Slow,

    /// <summary>Answers every new request at once with an error (a "black hole" that looks fast to balancers).</summary>
    FailFast,

    /// <summary>Vanishes: its queued and in-service requests fail, and a replacement starts (as a ReplicaSet would).</summary>
    Disappear,
}

/// <summary>A fault to inject with <see cref="SimulatedCluster.InjectFault"/>.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="SlowdownFactor">For <see cref="ReplicaFaultKind.Slow"/>: service times are multiplied by this (&gt;= 1).</param>
public sealed record ReplicaFault(ReplicaFaultKind Kind, double SlowdownFactor = 4)
{
    /// <summary>Clears a slow-down or fail-fast fault.</summary>
    public static ReplicaFault Healthy { get; } = new(ReplicaFaultKind.None);
}

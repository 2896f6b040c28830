namespace Pipeline.Simulator.Cluster;

/// <summary>State of one service at <see cref="Time"/>.</summary>
public sealed record ServiceSnapshot
{
    public required string Service { get; init; }
    public required DateTimeOffset Time { get; init; }

    /// <summary>Replicas asked for by the last <see cref="SimulatedCluster.SetDesiredReplicas"/>.</summary>
    public int DesiredReplicas { get; init; }

    /// <summary>Replicas receiving traffic.</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>Replicas still in their start-up delay.</summary>
    public int StartingReplicas { get; init; }

    /// <summary>Replicas finishing in-flight work after a scale-down.</summary>
    public int DrainingReplicas { get; init; }

    /// <summary>Requests queued or in service, over all replicas, plus those held at the balancer.</summary>
    public int InFlight { get; init; }

    /// <summary>Requests offered since the cluster's start.</summary>
    public long Arrivals { get; init; }

    /// <summary>Offered rate (req/s) of the load profile now.</summary>
    public double OfferedRatePerSecond { get; init; }

    /// <summary>Per replica: id, state, in-flight requests, weight.</summary>
    public IReadOnlyList<ReplicaSnapshot> Replicas { get; init; } = [];
}

/// <summary>One replica in a <see cref="ServiceSnapshot"/>.</summary>
public sealed record ReplicaSnapshot(string Name, ReplicaState State, int InFlight, double Weight, ReplicaFaultKind Fault, double Speed);

namespace Pipeline.Simulator.Cluster;

/// <summary>Cluster-wide settings of a <see cref="SimulatedCluster"/>.</summary>
public sealed class SimulatedClusterOptions
{
    /// <summary>Virtual time of the cluster's start (offset 0 of every load profile).</summary>
    public DateTimeOffset Start { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>Seed of every random stream (arrivals, service times, balancers). Same seed, same run.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Length of the per-replica metric sample interval. Default 1 s, like the live collectors.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether to produce <see cref="Contracts.Messages.MetricSample"/>s at all (off for pure queueing runs).</summary>
    public bool EmitSamples { get; init; } = true;
}

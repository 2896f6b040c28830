using Pipeline.Simulator.Cluster;

namespace Pipeline.Simulator.Control;

/// <summary>The simulated cluster's virtual clock as a <see cref="TimeProvider"/>, for code that stamps results with the time.</summary>
public sealed class ClusterClock(SimulatedCluster cluster) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => cluster.Now;
}

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// The data-plane load balancer of one simulated service: picks the replica for each request. One instance per
/// service (it may keep state such as a round-robin cursor). Called once per request, so keep it allocation-free.
/// </summary>
public interface IBalancer
{
    /// <summary>Name used to select the balancer (see <see cref="BalancerNames"/>).</summary>
    string Name { get; }

    /// <summary>
    /// Index into <paramref name="candidates"/> (the ready replicas, never empty) of the replica that gets the
    /// request arriving at <paramref name="now"/> (virtual seconds since the cluster's start).
    /// </summary>
    int Pick(ReadOnlySpan<ReplicaView> candidates, double now);
}

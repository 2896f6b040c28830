using Pipeline.Fleet.Local;
using Pipeline.Fleet.Proxy;

namespace Pipeline.Cli.Fleet;

/// <summary>The real local cluster the pipeline drives: replica settings, the proxy's balancer, the fleet's bounds.</summary>
internal sealed record RealFleetOptions
{
    /// <summary>Service id (replicas, samples and decisions are keyed by it).</summary>
    public string Service { get; init; } = "web";

    /// <summary>The proxy's balancer (<see cref="ProxyBalancerNames"/>).</summary>
    public string Balancer { get; init; } = ProxyBalancerNames.Learned;

    /// <summary>Settings of every replica process.</summary>
    public LocalReplicaSettings Replica { get; init; } = new();

    /// <summary>Replicas started before the pipeline runs.</summary>
    public int InitialReplicas { get; init; } = 2;

    /// <summary>Most replica processes.</summary>
    public int MaxReplicas { get; init; } = 30;
}

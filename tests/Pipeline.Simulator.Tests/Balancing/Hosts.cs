using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Simulator.Tests.Balancing;

/// <summary>Hand-built replicas for driving a balancer directly.</summary>
internal static class Hosts
{
    public static Replica[] Create(params string[] names) =>
        [.. names.Select(n => new Replica(n, workers: 4, speed: 1, queueCapacity: 100, readyAt: 0) { State = ReplicaState.Ready })];

    public static ReplicaView[] Views(IEnumerable<Replica> replicas) => [.. replicas.Select(r => new ReplicaView(r))];
}

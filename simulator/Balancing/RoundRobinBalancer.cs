namespace Pipeline.Simulator.Balancing;

/// <summary>Cycles through the candidates in order.</summary>
internal sealed class RoundRobinBalancer : IBalancer
{
    private uint _next;

    public string Name => BalancerNames.RoundRobin;

    public int Pick(ReadOnlySpan<ReplicaView> candidates, double now) => (int)(_next++ % (uint)candidates.Length);
}

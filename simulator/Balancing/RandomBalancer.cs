using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>Uniformly random candidate.</summary>
internal sealed class RandomBalancer(SimRandom random) : IBalancer
{
    public string Name => BalancerNames.Random;

    public int Pick(ReadOnlySpan<ReplicaView> candidates, double now) => random.NextInt(candidates.Length);
}

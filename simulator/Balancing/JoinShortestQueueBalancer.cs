using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// Full-knowledge join-the-shortest-queue: the replica with the smallest expected backlog per unit of true capacity,
/// (in-flight + 1) / (workers * true speed); ties broken uniformly at random. With equal replicas this is plain JSQ.
/// </summary>
internal sealed class JoinShortestQueueBalancer(SimRandom random) : IBalancer
{
    public string Name => BalancerNames.Jsq;

    public int Pick(ReadOnlySpan<ReplicaView> candidates, double now)
    {
        var best = 0;
        var bestScore = double.PositiveInfinity;
        var ties = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            var score = (c.InFlight + 1) / (c.Workers * c.TrueSpeed);
            if (score < bestScore)
            {
                bestScore = score;
                best = i;
                ties = 1;
            }
            else if (score == bestScore && random.NextInt(++ties) == 0)
            {
                best = i;
            }
        }
        return best;
    }
}

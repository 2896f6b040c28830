using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// Linkerd's peak-EWMA balancer (after Finagle's PeakEwma): power of two choices on
/// cost = latency estimate * (active requests + 1). The estimate jumps to any response time above it and otherwise
/// decays towards observed response times with time constant <see cref="DecaySeconds"/> (Linkerd's default 10 s).
/// A replica with no response yet but requests outstanding costs a large penalty, so a new replica is not flooded.
/// </summary>
internal sealed class PeakEwmaBalancer(SimRandom random) : IBalancer
{
    public const double DecaySeconds = 10;
    private const double Penalty = 1e6;

    public string Name => BalancerNames.PeakEwma;

    public int Pick(ReadOnlySpan<ReplicaView> candidates, double now)
    {
        var n = candidates.Length;
        if (n == 1) return 0;
        var a = random.NextInt(n);
        var b = random.NextInt(n - 1);
        if (b >= a) b++;
        return Cost(candidates[b], now) < Cost(candidates[a], now) ? b : a;
    }

    private static double Cost(in ReplicaView replica, double now)
    {
        var pending = replica.InFlight;
        if (!replica.HasLatencyEstimate) return pending == 0 ? 0 : Penalty + pending;
        return replica.PeakEwmaSeconds(now, DecaySeconds) * (pending + 1);
    }
}

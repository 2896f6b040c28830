using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Randomness;

namespace Pipeline.Fleet.Replica;

/// <summary>Draws service times from the simulator's lognormal distribution; thread-safe.</summary>
internal sealed class ServiceTimeSampler(TimeSpan mean, double cv, long seed)
{
    private readonly ServiceTimeDistribution? _distribution =
        mean > TimeSpan.Zero ? ServiceTimeDistribution.LogNormal(mean.TotalSeconds, cv) : null;
    private readonly SimRandom _random = new(seed);
    private readonly Lock _gate = new();

    /// <summary>One service time (zero when the mean is zero).</summary>
    public TimeSpan Next()
    {
        if (_distribution is null) return TimeSpan.Zero;
        lock (_gate) return TimeSpan.FromSeconds(_distribution.Sample(_random));
    }
}

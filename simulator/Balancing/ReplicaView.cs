using Pipeline.Simulator.Cluster;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// Read-only view of one replica that a balancer may pick. Cheap to copy (wraps a reference); valid only during
/// the <see cref="IBalancer.Pick"/> call it was passed to.
/// </summary>
public readonly struct ReplicaView
{
    private readonly Replica _replica;

    internal ReplicaView(Replica replica) => _replica = replica;

    /// <summary>Replica id, e.g. <c>web-3</c>.</summary>
    public string Name => _replica.Name;

    /// <summary>Requests queued or in service.</summary>
    public int InFlight => _replica.InFlight;

    /// <summary>Requests in service.</summary>
    public int Busy => _replica.Busy;

    /// <summary>Parallel workers (concurrency).</summary>
    public int Workers => _replica.Workers;

    /// <summary>Whether the replica receives traffic (always true for candidates; a fail-fast replica still looks ready).</summary>
    public bool Ready => _replica.State == ReplicaState.Ready;

    /// <summary>Route weight set by <see cref="SimulatedCluster.SetRouteWeights"/> (1 when unset).</summary>
    public double Weight => _replica.Weight;

    /// <summary>Requests completed over the replica's life (including errors).</summary>
    public long Completed => _replica.Completed;

    /// <summary>Requests that failed over the replica's life.</summary>
    public long Errors => _replica.Errors;

    /// <summary>
    /// True service speed relative to a nominal replica (heterogeneity and injected slow-downs). Only a
    /// full-knowledge reference balancer should look at this; real balancers cannot observe it.
    /// </summary>
    public double TrueSpeed => _replica.EffectiveSpeed;

    /// <summary>Whether <see cref="PeakEwmaSeconds"/> has seen at least one response.</summary>
    public bool HasLatencyEstimate => _replica.EwmaMeasured;

    /// <summary>The peak-EWMA response-time estimate in seconds, decayed to <paramref name="now"/> (seconds of virtual time).</summary>
    public double PeakEwmaSeconds(double now, double decaySeconds) =>
        _replica.EwmaCost * Math.Exp(-Math.Max(0, now - _replica.EwmaStamp) / decaySeconds);
}

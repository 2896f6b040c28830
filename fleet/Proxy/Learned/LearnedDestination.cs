using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Fleet.Proxy.Learned;

/// <summary>
/// Per-destination state of <see cref="LearnedPicker"/>: ejection, success share, join time and Linkerd's peak-EWMA
/// response time (a slower response replaces the estimate at once, faster ones decay it over
/// <see cref="DecaySeconds"/>; only successful responses count, as in the simulator).
/// </summary>
internal sealed class LearnedDestination(double joinedAt)
{
    /// <summary>Decay time constant of the estimate: Linkerd's default, the simulator's peak-EWMA value.</summary>
    public const double DecaySeconds = 10;

    private double _cost, _stamp;

    public double JoinedAt { get; } = joinedAt;
    public double LastSeen { get; set; } = joinedAt;
    public EjectionState Ejection { get; } = new();
    public SuccessTracker Success { get; } = new();
    public bool HasLatency { get; private set; }

    public void Observe(double latencySeconds, bool failed, double now)
    {
        Ejection.RecordResponses(failed ? 0 : 1, failed ? 1 : 0);
        Success.Record(failed ? 0 : 1, failed ? 1 : 0);
        if (failed) return;
        if (!HasLatency || latencySeconds > _cost)
        {
            _cost = latencySeconds;
            HasLatency = true;
        }
        else
        {
            var keep = Math.Exp(-Math.Max(0, now - _stamp) / DecaySeconds);
            _cost = _cost * keep + latencySeconds * (1 - keep);
        }
        _stamp = now;
    }

    /// <summary>The estimate decayed to <paramref name="now"/>.</summary>
    public double LatencySeconds(double now) => _cost * Math.Exp(-Math.Max(0, now - _stamp) / DecaySeconds);
}

using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Simulator.Balancing;

/// <summary>Per-host state of <see cref="LearnedBalancer"/>: counters last seen, ejection, success share, join time.</summary>
internal sealed class LearnedHost(string name, double joinedAt, long completed, long errors)
{
    public string Name { get; } = name;
    public double JoinedAt { get; } = joinedAt;
    public double LastSeen = joinedAt;
    public EjectionState Ejection { get; } = new();
    public SuccessTracker Success { get; } = new();

    /// <summary>Exponentially weighted busy share of the workers (time average, sampled at arrivals).</summary>
    public double Utilization;

    /// <summary>When <see cref="Utilization"/> was last updated (NaN before the first update).</summary>
    public double UtilizationStamp = double.NaN;
    private long _completed = completed, _errors = errors;

    /// <summary>Feeds the responses since the last look into the error run and the success share.</summary>
    public void Poll(long completed, long errors)
    {
        var responses = completed - _completed;
        if (responses <= 0) return;
        var failed = errors - _errors;
        _completed = completed;
        _errors = errors;
        Ejection.RecordResponses(responses - failed, failed);
        Success.Record(responses - failed, failed);
    }
}

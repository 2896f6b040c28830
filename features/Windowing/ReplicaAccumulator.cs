using Pipeline.Contracts.Messages;

namespace Pipeline.Features.Windowing;

/// <summary>
/// Sums of one replica's samples within one window. It keeps what the window needs of its newest sample, not the sample,
/// and the timestamps of earlier samples only once there is a second one, so a window holds little until it closes.
/// </summary>
internal sealed class ReplicaAccumulator(string replica)
{
    // Timestamps of the samples before the newest: the first two inline (a 15 s window of 5 s samples needs no list), the
    // rest in a list.
    private long _earlier0, _earlier1;
    private int _earlierCount;
    private List<long>? _more;

    public string Replica { get; } = replica;
    public long Requests { get; private set; }
    public long Completed { get; private set; }
    public long Errors { get; private set; }
    public double IntervalSeconds { get; private set; }
    public double WeightedUtilization { get; private set; }
    public double LatencySumMs { get; private set; }

    /// <summary>Completions the latency sum covers (histogram total, or completions when only a sum was reported).</summary>
    public long LatencyCount { get; private set; }

    /// <summary>Merged histogram; null until a sample carries one.</summary>
    public long[]? LatencyCounts { get; private set; }

    /// <summary>Whether a sample was added; the three below describe the newest one (the window's end).</summary>
    public bool HasSamples { get; private set; }

    /// <summary>The newest sample's timestamp (UTC ticks).</summary>
    public long LatestTicks { get; private set; }

    /// <summary>Whether the newest sample said ready.</summary>
    public bool LatestReady { get; private set; }

    /// <summary>The newest sample's in-flight count.</summary>
    public int LatestInFlight { get; private set; }

    /// <summary>Whether a sample with this timestamp (UTC ticks) was already added; O(1) for in-order arrivals.</summary>
    public bool HasTimestamp(long utcTicks) =>
        HasSamples && utcTicks <= LatestTicks && (utcTicks == LatestTicks || WasEarlier(utcTicks));

    public void Add(MetricSample sample)
    {
        var ticks = sample.Timestamp.UtcTicks;
        Requests += sample.Requests;
        Completed += sample.Completed;
        Errors += sample.Errors;
        IntervalSeconds += sample.IntervalSeconds;
        WeightedUtilization += sample.Utilization * sample.IntervalSeconds;
        LatencySumMs += sample.LatencySumMs;
        var counts = sample.LatencyCounts;
        if (counts.Length > 0)
        {
            LatencyCounts ??= new long[LatencyBuckets.Count];
            LatencyCount += LatencyBuckets.AddInto(LatencyCounts, counts);
        }
        else if (sample.LatencySumMs > 0)
        {
            LatencyCount += sample.Completed;
        }
        if (!HasSamples || ticks > LatestTicks)
        {
            if (HasSamples) AddEarlier(LatestTicks);
            (HasSamples, LatestTicks, LatestReady, LatestInFlight) = (true, ticks, sample.Ready, sample.InFlight);
        }
        else
        {
            AddEarlier(ticks);
        }
    }

    private bool WasEarlier(long ticks) =>
        (_earlierCount > 0 && _earlier0 == ticks) || (_earlierCount > 1 && _earlier1 == ticks) || (_more?.Contains(ticks) ?? false);

    private void AddEarlier(long ticks)
    {
        if (_earlierCount == 0) _earlier0 = ticks;
        else if (_earlierCount == 1) _earlier1 = ticks;
        else (_more ??= []).Add(ticks);
        _earlierCount++;
    }

    /// <summary>Interval-weighted mean utilization of the replica's samples.</summary>
    public double Utilization => IntervalSeconds > 0 ? WeightedUtilization / IntervalSeconds : 0;

    public double LatencyMeanMs => LatencyCount > 0 ? LatencySumMs / LatencyCount : double.NaN;
}

using Pipeline.Contracts.Messages;

namespace Pipeline.Features.Windowing;

/// <summary>Sums of one replica's samples within one window.</summary>
internal sealed class ReplicaAccumulator(string replica)
{
    private readonly List<long> _timestamps = [];

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

    /// <summary>The sample with the newest timestamp: its readiness and in-flight count describe the window's end.</summary>
    public MetricSample? Latest { get; private set; }

    /// <summary>Whether a sample with this timestamp (UTC ticks) was already added; O(1) for in-order arrivals.</summary>
    public bool HasTimestamp(long utcTicks) =>
        Latest is not null && utcTicks <= Latest.Timestamp.UtcTicks && (utcTicks == Latest.Timestamp.UtcTicks || _timestamps.Contains(utcTicks));

    public void Add(MetricSample sample)
    {
        _timestamps.Add(sample.Timestamp.UtcTicks);
        Requests += sample.Requests;
        Completed += sample.Completed;
        Errors += sample.Errors;
        IntervalSeconds += sample.IntervalSeconds;
        WeightedUtilization += sample.Utilization * sample.IntervalSeconds;
        LatencySumMs += sample.LatencySumMs;
        if (sample.LatencyCounts.Length > 0)
        {
            LatencyCounts ??= new long[LatencyBuckets.Count];
            long total = 0;
            for (var i = 0; i < sample.LatencyCounts.Length; i++)
            {
                LatencyCounts[i] += sample.LatencyCounts[i];
                total += sample.LatencyCounts[i];
            }
            LatencyCount += total;
        }
        else if (sample.LatencySumMs > 0)
        {
            LatencyCount += sample.Completed;
        }
        if (Latest is null || sample.Timestamp > Latest.Timestamp) Latest = sample;
    }

    /// <summary>Interval-weighted mean utilization of the replica's samples.</summary>
    public double Utilization => IntervalSeconds > 0 ? WeightedUtilization / IntervalSeconds : 0;

    public double LatencyMeanMs => LatencyCount > 0 ? LatencySumMs / LatencyCount : double.NaN;
}

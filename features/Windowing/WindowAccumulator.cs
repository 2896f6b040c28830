using Pipeline.Contracts.Messages;

namespace Pipeline.Features.Windowing;

/// <summary>One open window of one service: per-replica sums and the sample keys seen (for duplicate detection).</summary>
internal sealed class WindowAccumulator(DateTimeOffset start, DateTimeOffset end)
{
    private readonly HashSet<(string Replica, long UtcTicks)> _seen = [];

    public DateTimeOffset Start { get; } = start;
    public DateTimeOffset End { get; } = end;
    public int SampleCount { get; private set; }

    /// <summary>Replicas in ordinal order, so the output does not depend on arrival order.</summary>
    public SortedDictionary<string, ReplicaAccumulator> Replicas { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds the sample; false when a sample with the same replica and timestamp was already added.</summary>
    public bool TryAdd(MetricSample sample)
    {
        if (!_seen.Add((sample.Replica, sample.Timestamp.UtcTicks))) return false;
        if (!Replicas.TryGetValue(sample.Replica, out var replica))
        {
            replica = new ReplicaAccumulator(sample.Replica);
            Replicas.Add(sample.Replica, replica);
        }
        replica.Add(sample);
        SampleCount++;
        return true;
    }
}

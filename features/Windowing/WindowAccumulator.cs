using Pipeline.Contracts.Messages;

namespace Pipeline.Features.Windowing;

/// <summary>One open window of one service: per-replica sums, each knowing the sample timestamps it has counted.</summary>
internal sealed class WindowAccumulator(DateTimeOffset start, DateTimeOffset end)
{

    public DateTimeOffset Start { get; } = start;
    public DateTimeOffset End { get; } = end;
    public int SampleCount { get; private set; }

    /// <summary>Replicas by id (the builder orders them ordinally, so the output does not depend on arrival order).</summary>
    public Dictionary<string, ReplicaAccumulator> Replicas { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds the sample; false when a sample with the same replica and timestamp was already added.</summary>
    public bool TryAdd(MetricSample sample)
    {
        if (!Replicas.TryGetValue(sample.Replica, out var replica))
        {
            replica = new ReplicaAccumulator(sample.Replica);
            Replicas.Add(sample.Replica, replica);
        }
        else if (replica.HasTimestamp(sample.Timestamp.UtcTicks))
        {
            return false;
        }
        replica.Add(sample);
        SampleCount++;
        return true;
    }
}

using Pipeline.Contracts.Messages;

namespace Pipeline.Features.Windowing;

/// <summary>
/// One open window of one service: per-replica sums, each knowing the sample timestamps it has counted. The first
/// replica is kept on its own and a dictionary by id is made only when a second one reports, so a window of a
/// one-replica service (or before its other replicas report) holds no dictionary until it closes.
/// </summary>
internal sealed class WindowAccumulator(DateTimeOffset start, DateTimeOffset end)
{
    private ReplicaAccumulator? _first;
    private Dictionary<string, ReplicaAccumulator>? _byId;

    public DateTimeOffset Start { get; } = start;
    public DateTimeOffset End { get; } = end;
    public int SampleCount { get; private set; }

    /// <summary>Distinct replicas counted.</summary>
    public int ReplicaCount => _byId?.Count ?? (_first is null ? 0 : 1);

    /// <summary>Whether <paramref name="replica"/> has a sample in the window.</summary>
    public bool HasReplica(string replica) => Find(replica) is not null;

    /// <summary>Adds the sample; false when a sample with the same replica and timestamp was already added.</summary>
    public bool TryAdd(MetricSample sample)
    {
        var replica = Find(sample.Replica);
        if (replica is null) Track(replica = new ReplicaAccumulator(sample.Replica));
        else if (replica.HasTimestamp(sample.Timestamp.UtcTicks)) return false;
        replica.Add(sample);
        SampleCount++;
        return true;
    }

    /// <summary>The replicas in ordinal order of their ids, so the output does not depend on arrival order.</summary>
    public ReplicaAccumulator[] OrderedReplicas()
    {
        if (_byId is null) return _first is null ? [] : [_first];
        var replicas = new ReplicaAccumulator[_byId.Count];
        _byId.Values.CopyTo(replicas, 0);
        Array.Sort(replicas, static (a, b) => string.CompareOrdinal(a.Replica, b.Replica));
        return replicas;
    }

    private ReplicaAccumulator? Find(string replica) =>
        _byId is not null ? _byId.GetValueOrDefault(replica)
        : _first is not null && string.Equals(_first.Replica, replica, StringComparison.Ordinal) ? _first : null;

    private void Track(ReplicaAccumulator replica)
    {
        if (_first is null) _first = replica;
        else (_byId ??= new Dictionary<string, ReplicaAccumulator>(StringComparer.Ordinal) { [_first.Replica] = _first }).Add(replica.Replica, replica);
    }
}

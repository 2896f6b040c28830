namespace Pipeline.Features.Service;

/// <summary>
/// Offsets of accepted samples whose window has not been emitted yet, per partition, so the features stage commits no
/// further than the oldest of them. A sample is released when a window of its service ending at or after its
/// timestamp closes (a sample belongs to the window holding its interval's midpoint, which ends no later).
/// </summary>
internal sealed class HeldSamples
{
    private readonly Dictionary<int, List<(string Service, long TimestampTicks, long Offset)>> _byPartition = [];

    public void Hold(int partition, string service, DateTimeOffset timestamp, long offset)
    {
        if (!_byPartition.TryGetValue(partition, out var list)) _byPartition[partition] = list = [];
        list.Add((service, timestamp.UtcTicks, offset));
    }

    public void Release(string service, DateTimeOffset windowEnd)
    {
        var end = windowEnd.UtcTicks;
        foreach (var list in _byPartition.Values) list.RemoveAll(e => e.TimestampTicks <= end && e.Service == service);
    }

    /// <summary>Forgets a partition no longer owned.</summary>
    public void Drop(int partition) => _byPartition.Remove(partition);

    public long? Lowest(int partition) =>
        _byPartition.TryGetValue(partition, out var list) && list.Count > 0 ? list.Min(e => e.Offset) : null;
}

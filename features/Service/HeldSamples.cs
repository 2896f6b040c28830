namespace Pipeline.Features.Service;

/// <summary>
/// Offsets of accepted samples whose window has not been emitted yet, so the features stage commits no further than the
/// oldest of them per partition. A sample is released when a window of its service ending at or after its timestamp
/// closes (a sample belongs to the window holding its interval's midpoint, which ends no later). Indexed by service for
/// release and kept in offset order per partition (<see cref="HeldOffsets"/>) for the lowest offset, so neither scans the
/// samples of other services.
/// </summary>
internal sealed class HeldSamples
{
    private readonly Dictionary<string, List<(int Partition, long TimestampTicks, long Offset)>> _byService = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HeldOffsets> _offsets = [];
    private readonly Stack<List<(int Partition, long TimestampTicks, long Offset)>> _spare = new();
    private const int MaxSpare = 1024;

    public void Hold(int partition, string service, DateTimeOffset timestamp, long offset)
    {
        if (!_byService.TryGetValue(service, out var held)) _byService[service] = held = _spare.TryPop(out var spare) ? spare : [];
        held.Add((partition, timestamp.UtcTicks, offset));
        if (!_offsets.TryGetValue(partition, out var offsets)) _offsets[partition] = offsets = new HeldOffsets();
        offsets.Hold(offset);
    }

    public void Release(string service, DateTimeOffset windowEnd)
    {
        if (!_byService.TryGetValue(service, out var held)) return;
        var end = windowEnd.UtcTicks;
        var kept = 0;
        for (var i = 0; i < held.Count; i++)
        {
            var entry = held[i];
            if (entry.TimestampTicks <= end) _offsets[entry.Partition].Release(entry.Offset);
            else held[kept++] = entry;
        }
        held.RemoveRange(kept, held.Count - kept);
        if (kept == 0)
        {
            _byService.Remove(service);
            if (_spare.Count < MaxSpare) _spare.Push(held); // a service's next window reuses it instead of a new list
        }
    }

    /// <summary>Forgets a partition no longer owned.</summary>
    public void Drop(int partition)
    {
        if (!_offsets.Remove(partition)) return;
        foreach (var (service, held) in _byService.ToList())
        {
            held.RemoveAll(entry => entry.Partition == partition);
            if (held.Count == 0) _byService.Remove(service);
        }
    }

    public long? Lowest(int partition) => _offsets.TryGetValue(partition, out var offsets) ? offsets.Lowest() : null;
}

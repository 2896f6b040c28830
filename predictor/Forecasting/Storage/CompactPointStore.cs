namespace Pipeline.Predictor.Forecasting.Storage;

/// <summary>
/// A <see cref="HistoryCompaction"/>: the newest points in a <see cref="BFloat16"/> ring (float32's range, at most 0.4%
/// rounding: below the Poisson noise 1/√N of a window's count up to N = 62,500 requests); a point leaving it is folded into the running
/// mean of its bucket (<see cref="BucketRing"/>, aligned on absolute indices) and, when the history is long enough for
/// coarse buckets, into its coarse bucket too. An older index reads its bucket while its whole coarse bucket is in the
/// bucket ring, else its coarse bucket.
/// </summary>
internal sealed class CompactPointStore : IPointStore
{
    private readonly ushort[] _recent;
    private readonly BucketRing? _buckets;
    private readonly BucketRing? _coarse;
    private readonly int _factor;
    private readonly int _coarseFactor;
    private long _start;

    public CompactPointStore(int capacity, HistoryCompaction compaction)
    {
        compaction.Validate();
        _recent = new ushort[Math.Min(capacity, compaction.FullResolution)];
        _factor = compaction.Factor;
        _coarseFactor = compaction.CoarseFactor;
        if (compaction.Buckets(capacity) is > 0 and var n) _buckets = new BucketRing(n, compaction.Factor);
        if (compaction.CoarseBuckets(capacity) is > 0 and var m) _coarse = new BucketRing(m, compaction.CoarseFactor);
    }

    public double Get(long index, long count)
    {
        if (index >= count - _recent.Length) return BFloat16.Decode(_recent[index % _recent.Length]);
        if (_coarse is null) return _buckets![index];
        // A whole coarse bucket reads one tier, so rebuilding from the values read (Restore, a snapshot) yields the same means.
        return _buckets!.Holds(index - index % _coarseFactor) ? _buckets[index] : _coarse[index];
    }

    public void Put(long index, double value)
    {
        var slot = (int)(index % _recent.Length);
        var leaving = index - _recent.Length;
        if (_buckets is not null && leaving >= _start)
        {
            var old = BFloat16.Decode(_recent[slot]);
            _buckets.Fold(leaving, old);
            _coarse?.Fold(leaving, old);
        }
        _recent[slot] = BFloat16.Encode(value);
    }

    public void Restart(long index)
    {
        _start = index;
        _buckets?.Restart();
        _coarse?.Restart();
    }

    /// <summary>Buckets of one point are the points themselves: then every held point is at full resolution.</summary>
    public long FullResolutionFrom(long count) => _factor == 1 && _coarse is null ? 0 : count - Math.Min(count, _recent.Length);
}

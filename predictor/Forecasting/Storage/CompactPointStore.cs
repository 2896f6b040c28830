namespace Pipeline.Predictor.Forecasting.Storage;

/// <summary>
/// A <see cref="HistoryCompaction"/>: the newest points in a float32 ring; a point leaving it is added to the running mean
/// of its bucket (aligned on absolute indices), kept in a float32 ring of bucket means. A bucket's mean is that of its
/// points that were held (the first bucket after a restore may have fewer).
/// </summary>
internal sealed class CompactPointStore : IPointStore
{
    private readonly float[] _recent;
    private readonly float[] _buckets;
    private readonly int _factor;
    private long _start;
    private long _bucket = -1;
    private double _sum;
    private int _n;

    public CompactPointStore(int capacity, HistoryCompaction compaction)
    {
        compaction.Validate();
        _recent = new float[Math.Min(capacity, compaction.FullResolution)];
        _buckets = new float[compaction.Buckets(capacity)];
        _factor = compaction.Factor;
    }

    public double Get(long index, long count) =>
        index >= count - _recent.Length ? _recent[index % _recent.Length] : _buckets[index / _factor % _buckets.Length];

    public void Put(long index, double value)
    {
        var slot = (int)(index % _recent.Length);
        var leaving = index - _recent.Length;
        if (_buckets.Length > 0 && leaving >= _start) Fold(leaving, _recent[slot]);
        _recent[slot] = (float)value;
    }

    public void Restart(long index)
    {
        _start = index;
        _bucket = -1;
    }

    /// <summary>Buckets of one point are the points themselves: then every held point is at full resolution.</summary>
    public long FullResolutionFrom(long count) => _factor == 1 ? 0 : count - Math.Min(count, _recent.Length);

    private void Fold(long index, double value)
    {
        var bucket = index / _factor;
        if (bucket != _bucket)
        {
            _bucket = bucket;
            _sum = 0;
            _n = 0;
        }
        _sum += value;
        _n++;
        _buckets[bucket % _buckets.Length] = (float)(_sum / _n);
    }
}

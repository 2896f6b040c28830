namespace Pipeline.Predictor.Forecasting.Storage;

/// <summary>
/// Means of aligned buckets of <c>factor</c> points in a ring of <c>size</c> buckets: points are folded in index
/// order into the running mean of their bucket; a bucket's mean is that of its points folded in (the first bucket after a
/// restart may have fewer). Means are stored as <see cref="BFloat16"/>: the running sum is double, so the rounding is once
/// per stored mean, never accumulated.
/// </summary>
internal sealed class BucketRing(int size, int factor)
{
    private readonly ushort[] _means = new ushort[size];
    private long _bucket = -1;
    private double _sum;
    private int _n;

    /// <summary>Whether the bucket of <paramref name="index"/> is still in the ring (points up to the last folded).</summary>
    public bool Holds(long index) => _bucket >= 0 && index / factor > _bucket - _means.Length;

    /// <summary>The mean of the bucket of <paramref name="index"/>.</summary>
    public double this[long index] => BFloat16.Decode(_means[index / factor % _means.Length]);

    public void Fold(long index, double value)
    {
        var bucket = index / factor;
        if (bucket != _bucket)
        {
            _bucket = bucket;
            _sum = 0;
            _n = 0;
        }
        _sum += value;
        _n++;
        _means[bucket % _means.Length] = BFloat16.Encode(_sum / _n);
    }

    /// <summary>Forgets the running bucket (the next fold starts a new one).</summary>
    public void Restart() => _bucket = -1;
}

namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>The share of true among the newest <c>capacity</c> outcomes, one bit each.</summary>
internal sealed class RollingShare(int capacity)
{
    private readonly ulong[] _bits = new ulong[(capacity + 63) / 64];
    private long _added;
    private int _ones;

    public int Count => (int)Math.Min(_added, capacity);
    public double Mean => Count == 0 ? double.NaN : (double)_ones / Count;

    public void Add(bool outcome)
    {
        var slot = (int)(_added % capacity);
        ref var word = ref _bits[slot >> 6];
        var mask = 1UL << (slot & 63);
        if (_added >= capacity && (word & mask) != 0) _ones--;
        if (outcome)
        {
            word |= mask;
            _ones++;
        }
        else
        {
            word &= ~mask;
        }
        _added++;
    }
}

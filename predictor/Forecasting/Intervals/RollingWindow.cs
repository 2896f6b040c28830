namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>
/// The newest <see cref="Capacity"/> values with their running sum; stored as float16 (<see cref="Half"/>) when
/// <c>compact</c> (the sum is of the stored values, so the mean differs from the double one only by that rounding). Compact
/// windows hold log ratios, log levels and sMAPE, all within a few units: 11 significant bits keep them to 0.05%, finer than
/// the residual quantiles they feed can tell apart, and far inside Half's range.
/// </summary>
internal sealed class RollingWindow(int capacity, bool compact = false)
{
    private readonly double[]? _values = compact ? null : new double[capacity];
    private readonly Half[]? _halves = compact ? new Half[capacity] : null;
    private long _added;
    private double _sum;

    public int Capacity => capacity;
    public int Count => (int)Math.Min(_added, capacity);
    public double Mean => Count == 0 ? double.NaN : _sum / Count;

    /// <summary>The slot of the newest value in the order <see cref="CopyTo"/> writes (older ones precede it, wrapping); -1 while empty.</summary>
    public int NewestSlot => _added == 0 ? -1 : (int)((_added - 1) % capacity);

    public void Add(double value)
    {
        var slot = (int)(_added % capacity);
        if (_added >= capacity) _sum -= At(slot);
        if (_halves is not null) _halves[slot] = (Half)value;
        else _values![slot] = value;
        _sum += At(slot);
        _added++;
        if (_added % (16L * capacity) == 0) _sum = Sum();
    }

    /// <summary>The value added <paramref name="back"/> values before the newest (0 = the newest; below <see cref="Count"/>).</summary>
    public double Newest(int back) => At((int)((_added - 1 - back) % capacity));

    /// <summary>Copies the held values to <paramref name="target"/> (length ≥ <see cref="Count"/>).</summary>
    public void CopyTo(Span<double> target)
    {
        for (var i = 0; i < Count; i++) target[i] = At(i);
    }

    private double At(int slot) => _halves is not null ? (double)_halves[slot] : _values![slot];

    private double Sum()
    {
        if (_values is not null) return _values.Take(Count).Sum();
        var sum = 0.0;
        for (var i = 0; i < Count; i++) sum += At(i);
        return sum;
    }
}

namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>
/// The newest <see cref="Capacity"/> values with their running sum; stored as float32 when <c>compact</c> (the sum is
/// of the stored values, so the mean differs from the double one only by that rounding).
/// </summary>
internal sealed class RollingWindow(int capacity, bool compact = false)
{
    private readonly double[]? _values = compact ? null : new double[capacity];
    private readonly float[]? _floats = compact ? new float[capacity] : null;
    private long _added;
    private double _sum;

    public int Capacity => capacity;
    public int Count => (int)Math.Min(_added, capacity);
    public double Mean => Count == 0 ? double.NaN : _sum / Count;

    public void Add(double value)
    {
        var slot = (int)(_added % capacity);
        if (_added >= capacity) _sum -= At(slot);
        if (_floats is not null) _floats[slot] = (float)value;
        else _values![slot] = value;
        _sum += At(slot);
        _added++;
        if (_added % (16L * capacity) == 0) _sum = Sum();
    }

    /// <summary>Copies the held values to <paramref name="target"/> (length ≥ <see cref="Count"/>).</summary>
    public void CopyTo(Span<double> target)
    {
        for (var i = 0; i < Count; i++) target[i] = At(i);
    }

    private double At(int slot) => _floats is not null ? _floats[slot] : _values![slot];

    private double Sum()
    {
        if (_values is not null) return _values.Take(Count).Sum();
        var sum = 0.0;
        for (var i = 0; i < Count; i++) sum += At(i);
        return sum;
    }
}

namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>The newest <see cref="Capacity"/> values with their running sum.</summary>
internal sealed class RollingWindow(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private long _added;
    private double _sum;

    public int Capacity => _values.Length;
    public int Count => (int)Math.Min(_added, _values.Length);
    public double Mean => Count == 0 ? double.NaN : _sum / Count;

    public void Add(double value)
    {
        var slot = (int)(_added % _values.Length);
        if (_added >= _values.Length) _sum -= _values[slot];
        _values[slot] = value;
        _sum += value;
        _added++;
        if (_added % (16 * _values.Length) == 0) _sum = _values.Take(Count).Sum();
    }

    /// <summary>Copies the held values to <paramref name="target"/> (length ≥ <see cref="Count"/>).</summary>
    public void CopyTo(Span<double> target) => _values.AsSpan(0, Count).CopyTo(target);
}

namespace Pipeline.Predictor.Forecasting.Storage;

/// <summary>Every point as a double in a ring of the history's capacity.</summary>
internal sealed class ExactPointStore(int capacity) : IPointStore
{
    private readonly double[] _ring = new double[capacity];

    public double Get(long index, long count) => _ring[index % _ring.Length];

    public void Put(long index, double value) => _ring[index % _ring.Length] = value;

    public void Restart(long index)
    {
    }

    public long FullResolutionFrom(long count) => count - Math.Min(count, _ring.Length);
}

namespace Pipeline.Predictor.Forecasting;

/// <summary>
/// How a compact <see cref="RateHistory"/> stores its points: float32, the newest <see cref="FullResolution"/> points as
/// they are and the older ones as means of aligned buckets of <see cref="Factor"/> points (bucket b covers indices
/// [b·Factor, (b+1)·Factor)), so the whole capacity stays reachable at a fraction of the memory.
/// </summary>
/// <param name="FullResolution">Newest points held as they are (at least <paramref name="Factor"/>).</param>
/// <param name="Factor">Points per bucket mean beyond them (1: every point, float32 only).</param>
public sealed record HistoryCompaction(int FullResolution, int Factor)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Factor < 1) throw new ArgumentException($"HistoryCompaction.Factor: must be >= 1, was {Factor}");
        if (FullResolution < Math.Max(2, Factor)) throw new ArgumentException($"HistoryCompaction.FullResolution: must be >= max(2, Factor {Factor}), was {FullResolution}");
    }

    /// <summary>Float32 values held for <paramref name="capacity"/> points (the recent ring plus the bucket ring).</summary>
    public long StoredValues(int capacity) => Math.Min(capacity, FullResolution) + Buckets(capacity);

    /// <summary>Bucket means needed so every point older than the full-resolution span is reachable.</summary>
    internal int Buckets(int capacity) => capacity > FullResolution ? (capacity - FullResolution - 1) / Factor + 2 : 0;
}

namespace Pipeline.Predictor.Forecasting;

/// <summary>
/// How a compact <see cref="RateHistory"/> stores its points: the newest <see cref="FullResolution"/> points as
/// they are (bfloat16), older ones as bfloat16 means of aligned buckets of <see cref="Factor"/> points (bucket b covers indices
/// [b·Factor, (b+1)·Factor)) and, beyond the newest <see cref="BucketSpan"/> points, of <see cref="CoarseFactor"/> points,
/// so the whole capacity stays reachable at a fraction of the memory.
/// </summary>
/// <param name="FullResolution">Newest points held as they are (at least <paramref name="Factor"/>).</param>
/// <param name="Factor">Points per bucket mean beyond them (1: every point, no means).</param>
/// <param name="BucketSpan">Newest points reachable at least as <paramref name="Factor"/>-point buckets (0: all of them).</param>
/// <param name="CoarseFactor">Points per bucket mean beyond <paramref name="BucketSpan"/>, a multiple of <paramref name="Factor"/>.</param>
public sealed record HistoryCompaction(int FullResolution, int Factor, int BucketSpan = 0, int CoarseFactor = 1)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Factor < 1) throw new ArgumentException($"HistoryCompaction.Factor: must be >= 1, was {Factor}");
        if (FullResolution < Math.Max(2, Factor)) throw new ArgumentException($"HistoryCompaction.FullResolution: must be >= max(2, Factor {Factor}), was {FullResolution}");
        if (BucketSpan == 0) return;
        if (BucketSpan <= FullResolution) throw new ArgumentException($"HistoryCompaction.BucketSpan: must be 0 or above FullResolution {FullResolution}, was {BucketSpan}");
        if (CoarseFactor < Factor || CoarseFactor % Factor != 0) throw new ArgumentException($"HistoryCompaction.CoarseFactor: must be a multiple of Factor {Factor}, was {CoarseFactor}");
    }

    /// <summary>Values held (bfloat16 points and means) for <paramref name="capacity"/> points (the recent ring plus the bucket rings).</summary>
    public long StoredValues(int capacity) => Math.Min(capacity, FullResolution) + Buckets(capacity) + CoarseBuckets(capacity);

    /// <summary>Whether points beyond <see cref="BucketSpan"/> are held as coarse buckets at this capacity.</summary>
    internal bool Coarse(int capacity) => BucketSpan > 0 && BucketSpan < capacity && CoarseFactor > Factor;

    /// <summary><see cref="Factor"/>-point bucket means needed so every point up to the bucket span is reachable.</summary>
    internal int Buckets(int capacity)
    {
        var span = Coarse(capacity) ? BucketSpan : capacity;
        return span > FullResolution ? (span - FullResolution - 1) / Factor + 2 : 0;
    }

    /// <summary><see cref="CoarseFactor"/>-point bucket means needed so every point older than the full-resolution span is reachable.</summary>
    internal int CoarseBuckets(int capacity) => Coarse(capacity) ? (capacity - FullResolution - 1) / CoarseFactor + 2 : 0;
}

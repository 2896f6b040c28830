namespace Pipeline.Predictor.Forecasting.Storage;

/// <summary>
/// Where a <see cref="RateHistory"/> keeps its points. Points are put in index order; the history decides which indices
/// are held and only reads those.
/// </summary>
internal interface IPointStore
{
    /// <summary>The value of held point <paramref name="index"/> (<paramref name="count"/> = points ever put).</summary>
    double Get(long index, long count);

    /// <summary>Stores point <paramref name="index"/>, the next after the last one put (or after <see cref="Restart"/>).</summary>
    void Put(long index, double value);

    /// <summary>Forgets every point: the next one put is <paramref name="index"/>.</summary>
    void Restart(long index);

    /// <summary>Oldest index held as it was appended, of the points up to <paramref name="count"/>.</summary>
    long FullResolutionFrom(long count);
}

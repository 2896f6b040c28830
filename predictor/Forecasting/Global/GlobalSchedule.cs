namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// When the global model is (re)trained: first once the pooled training rows of all services reach the minimum, then
/// whenever they have doubled, and at least every <see cref="GlobalGbmOptions.RetrainInterval"/> of event time (the
/// per-service <c>gbm</c> schedule, counted over the fleet; like it, never more often than every
/// <c>minPoints</c> points, which only matters for hourly points). Updated in O(1) per new point.
/// </summary>
internal sealed class GlobalSchedule(int minRows, TimeSpan interval, int minPoints)
{
    private TimeSpan _step;
    private long _rowsAtTraining;
    private DateTimeOffset? _trainedAt;

    /// <summary>Training rows held over all services (points past the look-back and the horizons).</summary>
    public long Rows { get; private set; }

    /// <summary>Newest point time seen from any service.</summary>
    public DateTimeOffset Newest { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Records a service's change of rows, its newest point time and its step.</summary>
    public void Add(long rows, DateTimeOffset newest, TimeSpan step)
    {
        Rows += rows;
        if (newest > Newest) Newest = newest;
        if (step > _step) _step = step;
    }

    /// <summary>Whether a round is due; a model loaded from disk counts as trained at the first point seen after it.</summary>
    public bool Due(bool hasModel)
    {
        if (Rows < minRows) return false;
        if (!hasModel) return true;
        _trainedAt ??= Newest;
        var since = Newest - _trainedAt;
        return Rows >= 2 * _rowsAtTraining || (since >= interval && since >= _step * minPoints);
    }

    /// <summary>Starts from a model loaded from disk, trained when the fleet held <paramref name="rows"/> rows.</summary>
    public void Loaded(long rows) => _rowsAtTraining = rows;

    /// <summary>Marks a round as started now (so it is not started twice).</summary>
    public void Started()
    {
        _rowsAtTraining = Rows;
        _trainedAt = Newest;
    }
}

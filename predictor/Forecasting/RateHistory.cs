using Pipeline.Predictor.Forecasting.Storage;

namespace Pipeline.Predictor.Forecasting;

/// <summary>
/// An evenly spaced history of one service's request rate (req/s): point <c>i</c> (an absolute index counted from the
/// first point ever appended) covers the step ending at <see cref="TimeOf"/>(i). Keeps the newest
/// <see cref="Capacity"/> points in a ring. Gaps are filled by carrying the last rate forward; points older than the
/// newest are ignored. Not thread-safe: one writer; trainers work on a <see cref="Snapshot"/>.
/// With a <see cref="HistoryCompaction"/> the points are bfloat16 and only the newest
/// <see cref="HistoryCompaction.FullResolution"/> are held as appended (from <see cref="FullResolutionFrom"/>); an older
/// index reads the mean of its bucket of <see cref="HistoryCompaction.Factor"/> points.
/// </summary>
public sealed class RateHistory
{
    private readonly IPointStore _store;
    private DateTimeOffset _origin;
    private long _heldFrom;

    /// <summary>Creates an empty history with the given spacing and capacity (points), every point a double unless <paramref name="compaction"/> is given.</summary>
    public RateHistory(TimeSpan step, int capacity, HistoryCompaction? compaction = null)
    {
        if (step <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be positive");
        if (capacity < 2) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be at least 2");
        Step = step;
        Capacity = capacity;
        Compaction = compaction;
        _store = compaction is null ? new ExactPointStore(capacity) : new CompactPointStore(capacity, compaction);
    }

    /// <summary>Spacing of the points.</summary>
    public TimeSpan Step { get; }

    /// <summary>Most points kept (reachable, at full resolution or as bucket means).</summary>
    public int Capacity { get; }

    /// <summary>How the points are stored; null: every point as a double.</summary>
    public HistoryCompaction? Compaction { get; }

    /// <summary>Points ever appended (the index the next point gets).</summary>
    public long Count { get; private set; }

    /// <summary>Points still held: indices [<see cref="FirstIndex"/>, <see cref="Count"/>).</summary>
    public int Available => (int)(Count - FirstIndex);

    /// <summary>Oldest index still held.</summary>
    public long FirstIndex => Math.Max(_heldFrom, Count - Capacity);

    /// <summary>Oldest index held exactly as appended (up to bfloat16 rounding when compact); older ones read bucket means.</summary>
    public long FullResolutionFrom => Math.Max(FirstIndex, _store.FullResolutionFrom(Count));

    /// <summary>Index of the newest point (-1 when empty).</summary>
    public long LastIndex => Count - 1;

    /// <summary>Points per day at this spacing (at least 1): the daily season length.</summary>
    public int DailySeason => Math.Max(1, (int)Math.Round(TimeSpan.FromDays(1) / Step));

    /// <summary>Points per week at this spacing.</summary>
    public int WeeklySeason => DailySeason * 7;

    /// <summary>Rate at absolute <paramref name="index"/>, which must be held.</summary>
    public double this[long index]
    {
        get
        {
            if (index < FirstIndex || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"held indices are [{FirstIndex}, {Count})");
            return _store.Get(index, Count);
        }
    }

    /// <summary>Whether <paramref name="index"/> is held.</summary>
    public bool Holds(long index) => index >= FirstIndex && index < Count;

    /// <summary>End time of the step of point <paramref name="index"/> (may be in the future).</summary>
    public DateTimeOffset TimeOf(long index) => _origin + Step * index;

    /// <summary>
    /// Appends the rate of the step ending at <paramref name="end"/>. Returns the number of points added
    /// (0 for a point not newer than the last, more than 1 when a gap was filled by carrying the last rate forward).
    /// </summary>
    public int Append(DateTimeOffset end, double rate)
    {
        if (!double.IsFinite(rate) || rate < 0) throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be finite and non-negative");
        if (Count == 0)
        {
            _origin = end;
            Put(rate);
            return 1;
        }
        var index = (long)Math.Round((end - _origin) / Step);
        if (index <= LastIndex) return 0;
        var gap = index - LastIndex - 1;
        var fill = this[LastIndex];
        if (gap > Capacity) Restart(Count + gap - Capacity);
        for (var i = 0L; i < Math.Min(gap, Capacity); i++) Put(fill);
        Put(rate);
        return (int)Math.Min(gap + 1, int.MaxValue);
    }

    /// <summary>
    /// A copy holding at most the newest <paramref name="maxPoints"/> points with the same indices, times, storage and
    /// values (a compact copy reads the same bucket means and full-resolution points).
    /// </summary>
    public RateHistory Snapshot(int maxPoints)
    {
        var keep = Math.Min(Available, Math.Max(2, maxPoints));
        var copy = new RateHistory(Step, Math.Max(2, keep), Compaction) { _origin = _origin };
        copy.Restart(Count - keep);
        for (var i = Count - keep; i < Count; i++) copy.Put(this[i]);
        return copy;
    }

    /// <summary>
    /// Rebuilds a history from persisted points (<see cref="Persistence.HistoryFile"/>): <paramref name="points"/> are
    /// indices <paramref name="firstIndex"/> on; stored as <paramref name="compaction"/> says.
    /// </summary>
    public static RateHistory Restore(TimeSpan step, int capacity, DateTimeOffset origin, long firstIndex, IEnumerable<double> points, HistoryCompaction? compaction = null)
    {
        var history = new RateHistory(step, capacity, compaction) { _origin = origin };
        history.Restart(firstIndex);
        foreach (var p in points) history.Put(p);
        return history;
    }

    private void Restart(long index)
    {
        Count = index;
        _heldFrom = index;
        _store.Restart(index);
    }

    private void Put(double rate)
    {
        _store.Put(Count, rate);
        Count++;
    }
}

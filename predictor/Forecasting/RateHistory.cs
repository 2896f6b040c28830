namespace Pipeline.Predictor.Forecasting;

/// <summary>
/// An evenly spaced history of one service's request rate (req/s): point <c>i</c> (an absolute index counted from the
/// first point ever appended) covers the step ending at <see cref="TimeOf"/>(i). Keeps the newest
/// <see cref="Capacity"/> points in a ring. Gaps are filled by carrying the last rate forward; points older than the
/// newest are ignored. Not thread-safe: one writer; trainers work on a <see cref="Snapshot"/>.
/// </summary>
public sealed class RateHistory
{
    private readonly double[] _ring;
    private DateTimeOffset _origin;

    /// <summary>Creates an empty history with the given spacing and ring capacity (points).</summary>
    public RateHistory(TimeSpan step, int capacity)
    {
        if (step <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be positive");
        if (capacity < 2) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be at least 2");
        Step = step;
        _ring = new double[capacity];
    }

    /// <summary>Spacing of the points.</summary>
    public TimeSpan Step { get; }

    /// <summary>Most points kept.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Points ever appended (the index the next point gets).</summary>
    public long Count { get; private set; }

    /// <summary>Points still held: indices [<see cref="FirstIndex"/>, <see cref="Count"/>).</summary>
    public int Available => (int)Math.Min(Count, _ring.Length);

    /// <summary>Oldest index still held.</summary>
    public long FirstIndex => Count - Available;

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
            return _ring[index % _ring.Length];
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
        var fill = _ring[LastIndex % _ring.Length];
        if (gap > _ring.Length) Count += gap - _ring.Length;
        for (var i = 0L; i < Math.Min(gap, _ring.Length); i++) Put(fill);
        Put(rate);
        return (int)Math.Min(gap + 1, int.MaxValue);
    }

    /// <summary>A copy holding at most the newest <paramref name="maxPoints"/> points with the same indices and times.</summary>
    public RateHistory Snapshot(int maxPoints)
    {
        var keep = Math.Min(Available, Math.Max(2, maxPoints));
        var copy = new RateHistory(Step, Math.Max(2, keep)) { _origin = _origin, Count = Count - keep };
        for (var i = Count - keep; i < Count; i++) copy.Put(this[i]);
        return copy;
    }

    /// <summary>Rebuilds a history from persisted points (<see cref="Persistence.HistoryFile"/>).</summary>
    public static RateHistory Restore(TimeSpan step, int capacity, DateTimeOffset origin, long firstIndex, IReadOnlyList<double> points)
    {
        var history = new RateHistory(step, capacity) { _origin = origin, Count = firstIndex };
        foreach (var p in points) history.Put(p);
        return history;
    }

    private void Put(double rate)
    {
        _ring[Count % _ring.Length] = rate;
        Count++;
    }
}

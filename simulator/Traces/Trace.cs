namespace Pipeline.Simulator.Traces;

/// <summary>A request-count trace: one count per constant interval, starting at <see cref="Start"/>.</summary>
public sealed class Trace
{
    /// <summary>Creates a trace; counts must be finite and non-negative, the interval positive.</summary>
    public Trace(string name, DateTimeOffset start, TimeSpan interval, IReadOnlyList<double> requests)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "interval must be positive");
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var r in requests)
        {
            if (!(r >= 0) || !double.IsFinite(r)) throw new ArgumentException($"request counts must be finite and non-negative, got {r}", nameof(requests));
        }
        Name = name;
        Start = start;
        Interval = interval;
        Requests = requests;
    }

    /// <summary>Name for reports (the file name without extension).</summary>
    public string Name { get; }

    /// <summary>Timestamp of the first row (for seconds-from-start files: the Unix epoch plus the first offset).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Constant spacing of the rows.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Requests per row.</summary>
    public IReadOnlyList<double> Requests { get; }

    /// <summary>Span covered by the trace.</summary>
    public TimeSpan Duration => Interval * Requests.Count;

    /// <summary>Largest row rate in requests per second.</summary>
    public double PeakRatePerSecond
    {
        get
        {
            var peak = 0.0;
            foreach (var r in Requests) peak = Math.Max(peak, r);
            return peak / Interval.TotalSeconds;
        }
    }

    /// <summary>
    /// The rows from <paramref name="offset"/> after the start for <paramref name="duration"/> (null: to the end).
    /// Both are rounded down to whole rows; an empty result is rejected.
    /// </summary>
    public Trace Slice(TimeSpan offset, TimeSpan? duration)
    {
        if (offset < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must not be negative");
        var first = (int)(offset.Ticks / Interval.Ticks);
        var count = duration is { } d ? (int)Math.Min(d.Ticks / Interval.Ticks, Requests.Count - first) : Requests.Count - first;
        if (first >= Requests.Count || count <= 0)
        {
            throw new ArgumentException($"the slice from {offset} for {duration?.ToString() ?? "the rest"} holds no rows of trace '{Name}' ({Requests.Count} rows of {Interval})");
        }
        var rows = new double[count];
        for (var i = 0; i < count; i++) rows[i] = Requests[first + i];
        return new Trace(Name, Start + Interval * first, Interval, rows);
    }
}

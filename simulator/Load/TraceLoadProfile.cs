using Pipeline.Simulator.Traces;

namespace Pipeline.Simulator.Load;

/// <summary>
/// Replays a <see cref="Trace"/>: row i covers [i * interval, (i + 1) * interval) and offers
/// requests_i / interval * <see cref="Scale"/> requests per second. Offset 0 is the trace's first timestamp.
/// </summary>
public sealed class TraceLoadProfile : ILoadProfile
{
    private readonly double[] _rates;
    private readonly double _interval;

    /// <summary>Creates the profile; <paramref name="scale"/> multiplies every row's rate.</summary>
    public TraceLoadProfile(Trace trace, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (!(scale >= 0) || !double.IsFinite(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be a finite non-negative number");
        Trace = trace;
        Scale = scale;
        _interval = trace.Interval.TotalSeconds;
        _rates = new double[trace.Requests.Count];
        for (var i = 0; i < _rates.Length; i++) _rates[i] = trace.Requests[i] / _interval * scale;
    }

    /// <summary>The replayed trace.</summary>
    public Trace Trace { get; }

    /// <summary>Multiplier applied to the trace's rates.</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public string Name => Trace.Name;

    /// <summary>Length of the profile in seconds.</summary>
    public double DurationSeconds => _rates.Length * _interval;

    /// <summary>Offered rate (req/s) of row <paramref name="index"/>.</summary>
    public double RateOfRow(int index) => _rates[index];

    /// <inheritdoc />
    public LoadSegment SegmentAt(double offsetSeconds)
    {
        if (offsetSeconds < 0) return new LoadSegment(0, 0);
        var i = (long)Math.Floor(offsetSeconds / _interval);
        if (i >= _rates.Length) return new LoadSegment(0, double.PositiveInfinity);
        var end = (i + 1) * _interval;
        if (end <= offsetSeconds) end = offsetSeconds + _interval * 1e-9;
        return new LoadSegment(_rates[i], end);
    }
}

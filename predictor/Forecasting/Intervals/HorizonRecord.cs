namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>Per-horizon bookkeeping of a <see cref="ForecastTracker"/>: pending forecasts, residuals, accuracy.</summary>
internal sealed class HorizonRecord
{
    private readonly Pending[]? _pending; // with intervals: the forecast and its bounds
    private readonly Point[]? _points; // without: the forecast only (16 bytes a slot; a Pending is 32, and was 40 with its flag)

    /// <summary>
    /// Bookkeeping of <paramref name="horizon"/>; without <paramref name="intervals"/> no residuals are kept (no interval is
    /// given, coverage is not measured); <paramref name="compact"/> stores the windows as float16.
    /// </summary>
    public HorizonRecord(int horizon, ForecastingOptions options, bool intervals = true, bool compact = false)
    {
        Horizon = horizon;
        if (intervals) Array.Fill(_pending = new Pending[horizon + 1], new Pending(-1, 0, 0, 0));
        else Array.Fill(_points = new Point[horizon + 1], new Point(-1, 0));
        Calibrator = intervals ? new ConformalCalibrator(options.ResidualWindow, options.Coverage, options.LocalFraction, compact) : null;
        Smape = new RollingWindow(options.AccuracyWindow, compact);
        Hits = new RollingShare(intervals ? options.AccuracyWindow : 1);
        // Without intervals there is no upper bound to exceed: a one-slot window that stays empty.
        Excess = new RollingWindow(intervals ? Math.Max(1, (int)Math.Round(options.ResidualWindow * (1 - options.Coverage) / 2)) : 1, compact);
    }

    public int Horizon { get; }
    public ConformalCalibrator? Calibrator { get; }
    public RollingWindow Smape { get; }

    /// <summary>Log ratios (of 1 + requests per step) of actual over issued upper bound, for the recent actuals above it: the realized shortfall beyond the interval.</summary>
    public RollingWindow Excess { get; }
    public RollingShare Hits { get; }
    public long Scored { get; private set; }
    public long TotalIntervals { get; private set; }
    public long TotalHits { get; private set; }
    public double TotalSmape { get; private set; }

    public void Remember(long origin, double value, double lower, double upper)
    {
        if (_pending is not null) _pending[origin % _pending.Length] = new Pending(origin, value, lower, upper);
        else _points![origin % _points.Length] = new Point(origin, value);
    }

    /// <summary>Scores the forecast made <see cref="Horizon"/> steps before <paramref name="index"/>, if one was made.</summary>
    public void Score(long index, double actual, double stepSeconds)
    {
        var origin = index - Horizon;
        if (origin < 0) return;
        if (!TryTake(origin, out var p)) return;
        var smape = actual + p.Value == 0 ? 0 : 2 * Math.Abs(actual - p.Value) / (Math.Abs(actual) + Math.Abs(p.Value));
        Smape.Add(smape);
        TotalSmape += smape;
        Scored++;
        var level = Math.Log(1 + p.Value * stepSeconds);
        Calibrator?.Add(Math.Log(1 + actual * stepSeconds) - level, level);
        if (double.IsNaN(p.Upper)) return;
        if (actual > p.Upper) Excess.Add(Math.Log(1 + actual * stepSeconds) - Math.Log(1 + p.Upper * stepSeconds));
        var hit = actual >= p.Lower && actual <= p.Upper;
        Hits.Add(hit);
        TotalHits += hit ? 1 : 0;
        TotalIntervals++;
    }

    /// <summary>The forecast made at <paramref name="origin"/>, once (its slot is cleared); false when none was made.</summary>
    private bool TryTake(long origin, out Pending pending)
    {
        if (_pending is not null)
        {
            ref var slot = ref _pending[origin % _pending.Length];
            pending = slot;
            if (slot.Origin != origin) return false;
            slot.Origin = -1;
            return true;
        }
        ref var point = ref _points![origin % _points.Length];
        pending = new Pending(point.Origin, point.Value, double.NaN, double.NaN);
        if (point.Origin != origin) return false;
        point.Origin = -1;
        return true;
    }

    /// <summary>A forecast waiting for its actual; <see cref="Origin"/> -1: none.</summary>
    private struct Pending(long origin, double value, double lower, double upper)
    {
        public long Origin = origin;
        public double Value = value, Lower = lower, Upper = upper;
    }

    /// <summary>A forecast without bounds waiting for its actual; <see cref="Origin"/> -1: none.</summary>
    private struct Point(long origin, double value)
    {
        public long Origin = origin;
        public double Value = value;
    }
}

namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>Per-horizon bookkeeping of a <see cref="ForecastTracker"/>: pending forecasts, residuals, accuracy.</summary>
internal sealed class HorizonRecord
{
    private readonly Pending[] _pending;

    /// <summary>
    /// Bookkeeping of <paramref name="horizon"/>; without <paramref name="intervals"/> no residuals are kept (no interval is
    /// given, coverage is not measured); <paramref name="compact"/> stores the windows as float16.
    /// </summary>
    public HorizonRecord(int horizon, ForecastingOptions options, bool intervals = true, bool compact = false)
    {
        Horizon = horizon;
        _pending = new Pending[horizon + 1];
        Calibrator = intervals ? new ConformalCalibrator(options.ResidualWindow, options.Coverage, options.LocalFraction, compact) : null;
        Smape = new RollingWindow(options.AccuracyWindow, compact);
        Hits = new RollingShare(intervals ? options.AccuracyWindow : 1);
        Excess = new RollingWindow(Math.Max(1, (int)Math.Round(options.ResidualWindow * (1 - options.Coverage) / 2)), compact);
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

    public void Remember(long origin, double value, double lower, double upper) =>
        _pending[origin % _pending.Length] = new Pending(origin, value, lower, upper, true);

    /// <summary>Scores the forecast made <see cref="Horizon"/> steps before <paramref name="index"/>, if one was made.</summary>
    public void Score(long index, double actual, double stepSeconds)
    {
        var origin = index - Horizon;
        if (origin < 0) return;
        ref var p = ref _pending[origin % _pending.Length];
        if (!p.Set || p.Origin != origin) return;
        p.Set = false;
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

    private struct Pending(long origin, double value, double lower, double upper, bool set)
    {
        public long Origin = origin;
        public double Value = value, Lower = lower, Upper = upper;
        public bool Set = set;
    }
}

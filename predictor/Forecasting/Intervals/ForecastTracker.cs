namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>
/// Wraps any <see cref="IForecaster"/> with split-conformal prediction intervals per horizon and a running record of
/// its accuracy: every forecast is remembered, scored when its target point arrives (sMAPE, log residual, whether the
/// interval covered it), and the recent residuals calibrate the next intervals. Feed every new point with
/// <see cref="Observe"/> before calling <see cref="Forecast"/>.
/// </summary>
public sealed class ForecastTracker
{
    private readonly HorizonRecord[] _records;
    private readonly int[] _horizons;
    private readonly double[] _points;
    private readonly ForecastingOptions _options;
    private readonly bool _capAtPeak;
    private long _observed = -1;
    private long _peakAt = -1;
    private double _peak;

    /// <summary>
    /// Tracks <paramref name="forecaster"/> at <paramref name="horizons"/> (steps, ascending, ≥ 1). Without
    /// <paramref name="intervals"/> only the accuracy is tracked (a reference whose intervals nobody reads: no residual
    /// windows); <paramref name="compact"/> keeps the residual and accuracy windows as float16. With
    /// <paramref name="capAtPeak"/> no forecast exceeds the highest rate the history holds (see <see cref="Peak"/>), and no
    /// expected shortfall exceeds the higher of that and the upper bound.
    /// </summary>
    public ForecastTracker(IForecaster forecaster, IReadOnlyList<int> horizons, ForecastingOptions options, bool intervals = true, bool compact = false, bool capAtPeak = false)
    {
        _capAtPeak = capAtPeak;
        if (horizons.Count == 0 || horizons.Any(h => h < 1)) throw new ArgumentException("horizons must be a non-empty list of steps >= 1", nameof(horizons));
        Forecaster = forecaster;
        _options = options;
        _horizons = horizons.ToArray();
        _points = new double[_horizons.Length];
        _records = _horizons.Select(h => new HorizonRecord(h, options, intervals, compact)).ToArray();
    }

    /// <summary>The wrapped forecaster.</summary>
    public IForecaster Forecaster { get; }

    /// <summary>Horizons tracked (steps).</summary>
    public IReadOnlyList<int> Horizons => _horizons;

    /// <summary>Nominal coverage of the intervals.</summary>
    public double NominalCoverage => _options.Coverage;

    /// <summary>
    /// The highest rate the history held when last observed, the cap of a tracker that caps. Regression trees answer
    /// with the label of a leaf learned elsewhere: an input just outside what training saw can fall into the leaf of a
    /// rare event and forecast many times any rate the service ever had (measured on the daily-outage shape: on the first
    /// weekend day the level sits below yesterday's at the same time, which on weekdays happened only just before the
    /// full load returned after the outage, and <c>gbm-global</c> forecast 10-30x the rate). A forecast above every rate
    /// the service has shown is such an extrapolation; growth past the peak is what the policy's reactive floor and
    /// surprise rule answer, from measured load. A peak read at full resolution stays the cap until its point leaves the
    /// history, even where the history now holds its bucket's mean.
    /// </summary>
    public double Peak => _peak;

    /// <summary>Scores remembered forecasts against points added since the last call.</summary>
    public void Observe(RateHistory history)
    {
        var from = Math.Max(_observed + 1, history.FirstIndex);
        var seconds = history.Step.TotalSeconds;
        if (_capAtPeak && _peakAt < history.FirstIndex) RescanPeak(history, from);
        for (var i = from; i <= history.LastIndex; i++)
        {
            var point = history[i];
            foreach (var record in _records) record.Score(i, point, seconds);
            if (_capAtPeak && point >= _peak) (_peak, _peakAt) = (point, i);
        }
        _observed = history.LastIndex;
    }

    /// <summary>
    /// The expected shortfall beyond <paramref name="upper"/> (NaN before any exceedance or while uncalibrated); a tracker
    /// that caps holds it to the higher of the history's peak and the upper bound, so it never falls below the bound. The
    /// mean log excess is taken over exceedances at any level: a return from an empty or nearly empty stretch (an outage's
    /// end, a burst from nothing) is an excess of several units on the log scale (the full load over a bound of about
    /// nothing), and raising a full level's upper bound by it asked for ~1.7x any rate the daily-outage shape ever had,
    /// for as long as it stayed among the last exceedances (~2 hours at 15 s). Growth past the peak is what the policy's
    /// reactive floor and surprise rule answer, as for a forecast.
    /// </summary>
    private (double Shortfall, bool Capped) Shortfall(HorizonRecord record, double upper, double seconds)
    {
        if (double.IsNaN(upper) || record.Excess.Count == 0) return (double.NaN, false);
        var shortfall = Math.Max(0, (1 + upper * seconds) * Math.Exp(record.Excess.Mean) - 1) / seconds;
        var cap = Math.Max(upper, _peak);
        return _capAtPeak && shortfall > cap ? (cap, true) : (shortfall, false);
    }

    /// <summary>The peak has left the history (or was never read): the highest of the points held before <paramref name="before"/>.</summary>
    private void RescanPeak(RateHistory history, long before)
    {
        (_peak, _peakAt) = (0, -1);
        for (var i = history.FirstIndex; i < before; i++)
        {
            var point = history[i];
            if (point >= _peak) (_peak, _peakAt) = (point, i);
        }
    }

    /// <summary>Forecasts every horizon from the newest point, with intervals where calibrated; null when the forecaster is not ready.</summary>
    public HorizonForecast[]? Forecast(RateHistory history)
    {
        if (history.Count == 0 || !Forecaster.TryForecast(history, _horizons, _points)) return null;
        var result = new HorizonForecast[_horizons.Length];
        var seconds = history.Step.TotalSeconds;
        for (var k = 0; k < _horizons.Length; k++)
        {
            var record = _records[k];
            var capped = _capAtPeak && _points[k] > _peak;
            var value = Math.Max(0, capped ? _peak : _points[k]);
            double lower = double.NaN, upper = double.NaN, tail = double.NaN;
            if (record.Calibrator is { } calibrator && calibrator.Count >= _options.MinResiduals)
            {
                var y = Math.Log(1 + value * seconds);
                var (lo, hi, q) = calibrator.Calibrate(y, _options.TailProbability);
                lower = Math.Max(0, Math.Exp(y + lo) - 1) / seconds;
                upper = Math.Max(0, Math.Exp(y + hi) - 1) / seconds;
                if (!double.IsNaN(q)) tail = Math.Max(0, Math.Exp(y + q) - 1) / seconds;
            }
            record.Remember(history.LastIndex, value, lower, upper);
            var (shortfall, shortfallCapped) = Shortfall(record, upper, seconds);
            result[k] = new HorizonForecast
            {
                Horizon = _horizons[k],
                Ahead = history.Step * _horizons[k],
                Value = value,
                Lower = lower,
                Upper = upper,
                Tail = tail,
                Uncapped = capped ? _points[k] : null,
                Shortfall = shortfall,
                ShortfallCapped = shortfallCapped,
                RecentSmape = record.Smape.Mean,
                RecentCoverage = record.Hits.Mean,
                Scored = record.Scored,
            };
        }
        return result;
    }

    /// <summary>Recent sMAPE at horizon index <paramref name="k"/> (NaN before any score).</summary>
    public double RecentSmape(int k) => _records[k].Smape.Mean;

    /// <summary>Recent sMAPEs held at horizon index <paramref name="k"/> (at most the accuracy window).</summary>
    public int RecentHeld(int k) => _records[k].Smape.Count;

    /// <summary>The sMAPE scored <paramref name="back"/> scores before the newest at horizon index <paramref name="k"/>.</summary>
    public double RecentSmapeAt(int k, int back) => _records[k].Smape.Newest(back);

    /// <summary>Forecasts scored at horizon index <paramref name="k"/>.</summary>
    public long Scored(int k) => _records[k].Scored;

    /// <summary>Lifetime mean sMAPE at horizon index <paramref name="k"/>.</summary>
    public double LifetimeSmape(int k) => _records[k].Scored == 0 ? double.NaN : _records[k].TotalSmape / _records[k].Scored;

    /// <summary>Lifetime share of actuals inside issued intervals at horizon index <paramref name="k"/> (the measured coverage).</summary>
    public double MeasuredCoverage(int k) => _records[k].TotalIntervals == 0 ? double.NaN : (double)_records[k].TotalHits / _records[k].TotalIntervals;
}

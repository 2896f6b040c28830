namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>
/// Split-conformal prediction interval of one horizon from the most recent residuals on the log scale
/// (r = y − ŷ with y = log1p(requests per step)), so the interval is multiplicative and asymmetric. With n residuals
/// and miscoverage α, the bounds are the ⌊(n+1)α/2⌋-th and ⌈(n+1)(1−α/2)⌉-th smallest residuals (Vovk et al.;
/// Lei et al. 2018, "Distribution-free predictive inference for regression"), giving coverage ≥ 1 − α under exchangeability.
/// </summary>
internal sealed class ConformalCalibrator(int window, double coverage)
{
    private readonly RollingWindow _residuals = new(window);
    private readonly double[] _sorted = new double[window];
    private bool _dirty = true;
    private double _low, _high;

    public int Count => _residuals.Count;

    public void Add(double residual)
    {
        _residuals.Add(residual);
        _dirty = true;
    }

    /// <summary>Lower and upper residual quantiles (log scale); NaN while empty.</summary>
    public (double Low, double High) Bounds()
    {
        var n = _residuals.Count;
        if (n == 0) return (double.NaN, double.NaN);
        if (_dirty)
        {
            var span = _sorted.AsSpan(0, n);
            _residuals.CopyTo(span);
            span.Sort();
            var alpha = 1 - coverage;
            var lo = (int)Math.Floor((n + 1) * alpha / 2);
            var hi = (int)Math.Ceiling((n + 1) * (1 - alpha / 2));
            _low = span[Math.Clamp(lo, 1, n) - 1];
            _high = span[Math.Clamp(hi, 1, n) - 1];
            _dirty = false;
        }
        return (_low, _high);
    }
}

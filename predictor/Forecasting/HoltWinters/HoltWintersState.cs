namespace Pipeline.Predictor.Forecasting.HoltWinters;

/// <summary>
/// Additive Holt-Winters with a damped trend (Hyndman &amp; Athanasopoulos, "Forecasting: Principles and Practice",
/// §8.3, additive method): level ℓ, trend b, seasonal terms s of one season of length m.
/// </summary>
internal sealed class HoltWintersState
{
    private readonly double[] _seasonal;

    private HoltWintersState(double alpha, double beta, double gamma, double phi, double[] seasonal)
    {
        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        Phi = phi;
        _seasonal = seasonal;
    }

    public double Alpha { get; }
    public double Beta { get; }
    public double Gamma { get; }
    public double Phi { get; }
    public double Level { get; private set; }
    public double Trend { get; private set; }

    /// <summary>History index of the newest point folded into the state.</summary>
    public long Index { get; private set; }

    public int Season => _seasonal.Length;

    /// <summary>
    /// Initial state from the first two seasons starting at <paramref name="start"/> (FPP §8.3 classical start): trend =
    /// difference of the two seasons' means over m, level = the first season's mean carried to its last point, seasonal
    /// terms = the first season's deviations from that straight line. The state ends at the first season's last point.
    /// </summary>
    public static HoltWintersState Initialize(RateHistory history, long start, int season, double alpha, double beta, double gamma, double phi)
    {
        double first = 0, second = 0;
        for (var i = 0; i < season; i++)
        {
            first += history[start + i];
            second += history[start + season + i];
        }
        first /= season;
        second /= season;
        var trend = (second - first) / season;
        var seasonal = new double[season];
        for (var i = 0; i < season; i++)
        {
            seasonal[(start + i) % season] = history[start + i] - (first + (i - (season - 1) / 2.0) * trend);
        }
        return new HoltWintersState(alpha, beta, gamma, phi, seasonal)
        {
            Level = first + (season - 1) / 2.0 * trend,
            Trend = trend,
            Index = start + season - 1,
        };
    }

    /// <summary>Forecast <paramref name="h"/> steps after <see cref="Index"/>.</summary>
    public double Forecast(int h)
    {
        double damp = 0, p = 1;
        for (var k = 0; k < h; k++)
        {
            p *= Phi;
            damp += p;
        }
        return Level + damp * Trend + _seasonal[(Index + h) % Season];
    }

    /// <summary>Folds the observation at <see cref="Index"/> + 1 into the state; returns the one-step error before the update.</summary>
    public double Update(double y)
    {
        var index = Index + 1;
        var slot = (int)(index % Season);
        var s = _seasonal[slot];
        var error = y - (Level + Phi * Trend + s);
        var level = Alpha * (y - s) + (1 - Alpha) * (Level + Phi * Trend);
        Trend = Beta * (level - Level) + (1 - Beta) * Phi * Trend;
        Level = level;
        _seasonal[slot] = Gamma * (y - level) + (1 - Gamma) * s;
        Index = index;
        return error;
    }
}

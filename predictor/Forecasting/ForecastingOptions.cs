using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.HoltWinters;

namespace Pipeline.Predictor.Forecasting;

/// <summary>Options shared by the forecasters and their prediction intervals.</summary>
public sealed class ForecastingOptions
{
    /// <summary>Nominal coverage of the prediction intervals (0..1).</summary>
    public double Coverage { get; set; } = 0.9;

    /// <summary>
    /// One-sided probability of the forecast's tail bound (<see cref="Intervals.HorizonForecast.Tail"/>), from the same
    /// residuals as the interval; null: no tail bound. Default 0.99: with the default window and local fraction the
    /// bound comes from the ~167 residuals nearest in level, of which 0.99 selects the largest, i.e. the worst error made
    /// recently at this level; the SLA's own percentile (99.9%) is beyond what so few residuals resolve.
    /// </summary>
    public double? TailProbability { get; set; } = 0.99;

    /// <summary>Most recent residuals per horizon the conformal intervals are computed from.</summary>
    public int ResidualWindow { get; set; } = 500;

    /// <summary>
    /// Share of the residual window, nearest in forecast level, that calibrates each interval (1 = one global
    /// split-conformal quantile; less = locally adaptive intervals, see <see cref="Intervals.ConformalCalibrator"/>).
    /// </summary>
    public double LocalFraction { get; set; } = 1.0 / 3;

    /// <summary>Scored forecasts per horizon needed before an interval is given.</summary>
    public int MinResiduals { get; set; } = 30;

    /// <summary>Most recent scored forecasts per horizon behind the "recent accuracy" (sMAPE, coverage) figures.</summary>
    public int AccuracyWindow { get; set; } = 240;

    /// <summary>Options of the <c>gbm</c> forecaster.</summary>
    public GbmOptions Gbm { get; set; } = new();

    /// <summary>Options of the <c>holt-winters</c> forecaster.</summary>
    public HoltWintersOptions HoltWinters { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!(Coverage > 0 && Coverage < 1)) throw new ArgumentException($"Coverage: must be in (0, 1), was {Coverage}");
        if (TailProbability is { } tail && !(tail > 0.5 && tail < 1)) throw new ArgumentException($"TailProbability: must be in (0.5, 1), was {tail}");
        if (ResidualWindow < 10) throw new ArgumentException($"ResidualWindow: must be >= 10, was {ResidualWindow}");
        if (!(LocalFraction > 0 && LocalFraction <= 1)) throw new ArgumentException($"LocalFraction: must be in (0, 1], was {LocalFraction}");
        if (MinResiduals < 1 || MinResiduals > ResidualWindow) throw new ArgumentException($"MinResiduals: must be in [1, ResidualWindow], was {MinResiduals}");
        if (AccuracyWindow < 1) throw new ArgumentException($"AccuracyWindow: must be >= 1, was {AccuracyWindow}");
        Gbm.Validate();
        HoltWinters.Validate();
    }
}

namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>A forecast at one horizon with its conformal interval and the forecaster's recent record there.</summary>
public readonly record struct HorizonForecast
{
    /// <summary>Steps ahead of the newest point.</summary>
    public int Horizon { get; init; }

    /// <summary>
    /// Whether <see cref="Shortfall"/> was held to the higher of the history's peak (see <see cref="ForecastTracker.Peak"/>)
    /// and <see cref="Upper"/>. Declared
    /// after <see cref="Horizon"/> so it takes that int's padding: a service holds two arrays of these.
    /// </summary>
    public bool ShortfallCapped { get; init; }

    /// <summary>Time ahead of the newest point's end.</summary>
    public TimeSpan Ahead { get; init; }

    /// <summary>Point forecast (req/s).</summary>
    public double Value { get; init; }

    /// <summary>The forecaster's own value when it was above the history's peak and <see cref="Value"/> is that peak (req/s), else null.</summary>
    public double? Uncapped { get; init; }

    /// <summary>Interval bounds (req/s); NaN while too few residuals were scored.</summary>
    public double Lower { get; init; }
    public double Upper { get; init; }

    /// <summary>The forecast error's tail: the rate at <see cref="ForecastingOptions.TailProbability"/> (req/s); NaN when off or uncalibrated.</summary>
    public double Tail { get; init; }

    /// <summary>
    /// The expected shortfall beyond the interval (req/s): the upper bound raised by the mean log excess of the recent
    /// actuals that came above their upper bound (the last ResidualWindow × (1 − coverage) / 2 of them, ~25: as many as
    /// the residual window holds exceedances by construction); NaN before any, or while uncalibrated. A capping tracker
    /// holds it to the higher of the history's peak and <see cref="Upper"/> (<see cref="ShortfallCapped"/>).
    /// </summary>
    public double Shortfall { get; init; }

    /// <summary>Whether <see cref="Lower"/>/<see cref="Upper"/> are calibrated.</summary>
    public bool HasInterval => !double.IsNaN(Upper);

    /// <summary>Recent symmetric MAPE (0..2) at this horizon, NaN before any score.</summary>
    public double RecentSmape { get; init; }

    /// <summary>Recent share of actuals inside the issued interval, NaN before any.</summary>
    public double RecentCoverage { get; init; }

    /// <summary>Forecasts scored at this horizon so far.</summary>
    public long Scored { get; init; }
}

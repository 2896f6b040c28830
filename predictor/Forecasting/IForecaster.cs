namespace Pipeline.Predictor.Forecasting;

/// <summary>
/// A request-rate forecaster: point forecasts several steps ahead of the newest point of an evenly spaced
/// <see cref="RateHistory"/>. Prediction intervals are added around any forecaster by
/// <see cref="Intervals.ForecastTracker"/> (split-conformal on its recent residuals).
/// Implementations hold per-service state (a trained model) and are used by one thread at a time.
/// </summary>
public interface IForecaster
{
    /// <summary>Name used to select the forecaster (see <see cref="ForecasterNames"/>).</summary>
    string Name { get; }

    /// <summary>
    /// Writes the forecast rate (req/s) <c>horizons[i]</c> steps after <paramref name="history"/>'s newest point to
    /// <c>output[i]</c>. Returns false, leaving <paramref name="output"/> undefined, when the forecaster cannot
    /// forecast yet (history too short, no model trained).
    /// </summary>
    bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output);
}

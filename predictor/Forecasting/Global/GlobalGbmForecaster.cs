using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// One service's view of a <see cref="GlobalGbm"/>: forecasts its history with the shared model once it holds
/// <see cref="GbmFeatures.Lookback"/> points, and counts its new points towards the shared schedule (which may start a
/// round). Wrap it in the service's own <see cref="Intervals.ForecastTracker"/>: intervals come from its own residuals.
/// </summary>
internal sealed class GlobalGbmForecaster(GlobalGbm fleet, GlobalMember member) : IForecaster
{
    public string Name => ForecasterNames.GbmGlobal;

    public bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output)
    {
        fleet.Observe(member, history);
        var model = fleet.Current;
        if (model is null || !GbmFeatures.CanCompute(history, history.LastIndex)) return false;
        // The prediction engines are not thread-safe; the lock only matters if views of one fleet run on several threads.
        lock (model)
        {
            for (var i = 0; i < horizons.Length; i++)
            {
                if (horizons[i] < 1 || horizons[i] > model.Horizons) return false;
                output[i] = model.Predict(history, horizons[i]);
            }
        }
        return true;
    }
}

using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Forecasting;

/// <summary>Forecasts <paramref name="value"/> at every horizon, always ready: the trackers' tests control the forecast exactly.</summary>
internal sealed class ConstantForecaster(double value) : IForecaster
{
    public string Name => "constant";

    public bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output)
    {
        output[..horizons.Length].Fill(value);
        return true;
    }
}

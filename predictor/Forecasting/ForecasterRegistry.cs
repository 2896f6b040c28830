using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.HoltWinters;

namespace Pipeline.Predictor.Forecasting;

/// <summary>Creates forecasters by name; an unknown name is rejected with the list of known names.</summary>
public static class ForecasterRegistry
{
    /// <summary>Throws <see cref="ArgumentException"/> listing the known names unless <paramref name="name"/> is one.</summary>
    public static void EnsureKnown(string name)
    {
        if (!ForecasterNames.All.Contains(name))
            throw new ArgumentException($"unknown forecaster '{name}'; known forecasters: {string.Join(", ", ForecasterNames.All)}", nameof(name));
    }

    /// <summary>
    /// A new forecaster (with its own model state) for one service; <paramref name="horizons"/> &gt; 0 sets how many
    /// steps ahead models are trained for (default: <see cref="GbmOptions.Horizons"/>).
    /// </summary>
    public static IForecaster Create(string name, ForecastingOptions options, int horizons = 0)
    {
        EnsureKnown(name);
        return name switch
        {
            ForecasterNames.SeasonalNaive => new SeasonalNaiveForecaster(),
            ForecasterNames.HoltWinters => new HoltWintersForecaster(options.HoltWinters),
            _ => new GbmForecaster(options.Gbm, horizons > 0 ? horizons : options.Gbm.Horizons),
        };
    }
}

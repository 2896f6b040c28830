using Pipeline.Contracts.Plugins;
using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Global;
using Pipeline.Predictor.Forecasting.HoltWinters;

namespace Pipeline.Predictor.Forecasting;

/// <summary>Forecasters by name (the <see cref="PluginRegistry{TPlugin}"/> shape); an unknown name is rejected with the list of known names.</summary>
public static class ForecasterRegistry
{
    private static readonly PluginRegistry<IForecaster> Known = CreateDefault(new ForecastingOptions());

    /// <summary>
    /// The built-in forecasters, each new instance with its own model state for one service; <paramref name="horizons"/>
    /// &gt; 0 sets how many steps ahead models are trained for (default: <see cref="GbmOptions.Horizons"/>).
    /// </summary>
    public static PluginRegistry<IForecaster> CreateDefault(ForecastingOptions options, int horizons = 0) =>
        new PluginRegistry<IForecaster>("forecaster")
            .Add(ForecasterNames.SeasonalNaive, () => new SeasonalNaiveForecaster())
            .Add(ForecasterNames.HoltWinters, () => new HoltWintersForecaster(options.HoltWinters))
            .Add(ForecasterNames.Gbm, () => new GbmForecaster(options.Gbm, horizons > 0 ? horizons : options.Gbm.Horizons))
            .Add(ForecasterNames.GbmGlobal, () => new GlobalGbm(options, horizons > 0 ? horizons : options.Gbm.Horizons).Join("self", null));

    /// <summary>Throws <see cref="ArgumentException"/> listing the known names unless <paramref name="name"/> is one.</summary>
    public static void EnsureKnown(string name) => Known.Validate(name);

    /// <summary>A new forecaster named <paramref name="name"/> (see <see cref="CreateDefault"/>).</summary>
    public static IForecaster Create(string name, ForecastingOptions options, int horizons = 0) => CreateDefault(options, horizons).Create(name);
}

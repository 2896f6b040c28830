using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Global;
using Pipeline.Predictor.Forecasting.Intervals;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Cli.Commands;

/// <summary>
/// How soon a service that joins after the global round is served: its points arrive one window at a time from an
/// empty history; counted are the windows until the first forecast and until every horizon has an interval (the
/// <c>predictive</c> policy falls back while uncalibrated), for the global model (frozen) and for a per-service
/// <c>gbm</c> trained inline on its schedule, plus the global model's sMAPE over those windows.
/// </summary>
internal static class ForecastFleetColdStart
{
    public static List<ForecastFleet.ColdStart> Measure(FleetSeries series, GlobalGbm global, int first, int count, int windows, ForecastingOptions options)
    {
        var steps = Enumerable.Range(1, global.Horizons).ToArray();
        var sums = new double[2, 3];
        for (var s = first; s < first + count; s++)
        {
            var rates = series.Rates(s);
            var forecasters = new[] { global.Join($"new{s}", null), ForecasterRegistry.Create(ForecasterNames.Gbm, options, global.Horizons) };
            for (var f = 0; f < forecasters.Length; f++)
            {
                var history = new RateHistory(series.Step, windows + 1);
                var tracker = new ForecastTracker(forecasters[f], steps, options);
                var trainer = TrainerModes.Create(TrainerModes.Synchronous);
                int? forecastAt = null, calibratedAt = null;
                for (var i = 0; i < Math.Min(windows, rates.Length); i++)
                {
                    history.Append(series.TimeOf(i), rates[i]);
                    if (forecasters[f] is ITrainableForecaster trainable) trainer.Maintain(trainable, history);
                    tracker.Observe(history);
                    var forecast = tracker.Forecast(history);
                    if (forecast is not null) forecastAt ??= i + 1;
                    if (forecast is not null && forecast.All(h => h.HasInterval)) calibratedAt ??= i + 1;
                }
                sums[f, 0] += (forecastAt ?? double.NaN) / count;
                sums[f, 1] += (calibratedAt ?? double.NaN) / count;
                sums[f, 2] += steps.Average(h => tracker.LifetimeSmape(h - 1)) / count;
            }
            global.Leave($"new{s}");
        }
        return [new(ForecasterNames.GbmGlobal, sums[0, 0], sums[0, 1], sums[0, 2]), new(ForecasterNames.Gbm, sums[1, 0], sums[1, 1], sums[1, 2])];
    }
}

using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Tests.Forecasting;

/// <summary>A capping tracker never forecasts above the highest rate its history holds, and says when it capped.</summary>
public class ForecastTrackerPeakTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static HorizonForecast[] Run(ForecastTracker tracker, RateHistory history, IEnumerable<double> rates)
    {
        HorizonForecast[]? forecast = null;
        foreach (var rate in rates)
        {
            history.Append(Series.Start + Minute * history.Count, rate);
            tracker.Observe(history);
            forecast = tracker.Forecast(history);
        }
        return forecast!;
    }

    [Fact]
    public void Forecast_AboveEveryRateHeld_IsThePeakAndKeepsTheModelsValue()
    {
        var tracker = new ForecastTracker(new ConstantForecaster(1000), [1, 2], new ForecastingOptions(), capAtPeak: true);

        var forecast = Run(tracker, new RateHistory(Minute, 100), [10, 50, 20, 30]);

        Assert.All(forecast, f => Assert.Equal(50, f.Value));
        Assert.All(forecast, f => Assert.Equal(1000, f.Uncapped));
        Assert.Equal(50, tracker.Peak);
    }

    [Fact]
    public void Forecast_BelowThePeak_IsTheModelsOwn()
    {
        var tracker = new ForecastTracker(new ConstantForecaster(40), [1], new ForecastingOptions(), capAtPeak: true);

        var forecast = Run(tracker, new RateHistory(Minute, 100), [10, 50, 20, 30]);

        Assert.Equal(40, forecast[0].Value);
        Assert.Null(forecast[0].Uncapped);
    }

    [Fact]
    public void Forecast_WithoutTheCap_IsTheModelsOwnAboveThePeak()
    {
        var tracker = new ForecastTracker(new ConstantForecaster(1000), [1], new ForecastingOptions());

        var forecast = Run(tracker, new RateHistory(Minute, 100), [10, 50, 20, 30]);

        Assert.Equal(1000, forecast[0].Value);
        Assert.Null(forecast[0].Uncapped);
    }

    [Fact]
    public void Forecast_PeakLeftTheHistory_CapIsTheHighestRateStillHeld()
    {
        // Ten points held: the spike of 90 leaves after ten more points, and the highest held is then 30 (then 25 once
        // the 30 leaves too).
        var tracker = new ForecastTracker(new ConstantForecaster(1000), [1], new ForecastingOptions(), capAtPeak: true);
        var history = new RateHistory(Minute, 10);

        Run(tracker, history, [90, 30, 20, 20, 20, 20, 20, 20, 20, 20]);
        Assert.Equal(90, tracker.Peak);
        var afterSpike = Run(tracker, history, [25]);
        var afterThirty = Run(tracker, history, [10]);

        Assert.Equal(30, afterSpike[0].Value);
        Assert.Equal(25, afterThirty[0].Value);
    }
}

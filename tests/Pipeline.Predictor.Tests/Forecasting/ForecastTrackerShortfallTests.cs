using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Tests.Forecasting;

/// <summary>
/// A capping tracker holds the expected shortfall beyond the interval to the history's peak: a return from an empty
/// stretch is an excess of several units on the log scale, which must not raise a full level's bound past any rate seen.
/// </summary>
public class ForecastTrackerShortfallTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Forecasts the newest point at every horizon (persistence).</summary>
    private sealed class LastValueForecaster : IForecaster
    {
        public string Name => "last-value";

        public bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output)
        {
            output[..horizons.Length].Fill(history[history.LastIndex]);
            return true;
        }
    }

    /// <summary>
    /// 300 minutes at 100 per minute, ±4% on alternate minutes, then 45 empty minutes (an outage), then the level again
    /// for 4 minutes: the return's first minute came at 104 against a forecast of 0, a log excess of ln(105) ≈ 4.7, one
    /// of the last 10 exceedances (ResidualWindow × (1 − coverage) / 2) the shortfall averages.
    /// </summary>
    private static HorizonForecast AfterAnOutage(bool capAtPeak)
    {
        var options = new ForecastingOptions { Coverage = 0.8, MinResiduals = 20, ResidualWindow = 100, LocalFraction = 1 };
        var tracker = new ForecastTracker(new LastValueForecaster(), [1], options, capAtPeak: capAtPeak);
        var history = new RateHistory(Minute, 1000);
        var rates = Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? 104.0 : 96.0)
            .Concat(Enumerable.Repeat(0.0, 45))
            .Concat(Enumerable.Range(0, 4).Select(i => i % 2 == 0 ? 104.0 : 96.0));
        HorizonForecast[]? forecast = null;
        foreach (var perMinute in rates)
        {
            history.Append(Series.Start + Minute * history.Count, perMinute / 60);
            tracker.Observe(history);
            forecast = tracker.Forecast(history);
        }
        return forecast![0];
    }

    [Fact]
    public void Shortfall_AfterAReturnFromAnOutage_IsHeldToTheHighestRateTheHistoryHolds()
    {
        var uncapped = AfterAnOutage(capAtPeak: false);
        var capped = AfterAnOutage(capAtPeak: true);

        // Without the cap the return's excess raises the bound to several times any rate the service had.
        Assert.True(uncapped.Shortfall * 60 > 1.5 * 104, $"uncapped shortfall {uncapped.Shortfall * 60:0.#} per minute");
        Assert.False(uncapped.ShortfallCapped);
        Assert.Equal(104, capped.Shortfall * 60, 6);
        Assert.True(capped.ShortfallCapped);
        Assert.Equal(uncapped.Upper, capped.Upper);
    }

    [Fact]
    public void Shortfall_BelowThePeak_IsNotCapped()
    {
        // A constant forecast of 100 per minute, a burst of 160 every 20th minute after a first minute at 200 (the peak, long
        // out of the last exceedances): the shortfall is 160, below the peak.
        var options = new ForecastingOptions { Coverage = 0.8, MinResiduals = 20, ResidualWindow = 100, LocalFraction = 1 };
        var tracker = new ForecastTracker(new ConstantForecaster(100.0 / 60), [1], options, capAtPeak: true);
        var history = new RateHistory(Minute, 1000);
        HorizonForecast[]? forecast = null;
        for (var i = 0; i < 400; i++)
        {
            history.Append(Series.Start + Minute * i, (i == 0 ? 200 : i % 20 == 7 ? 160 : 100) / 60.0);
            tracker.Observe(history);
            forecast = tracker.Forecast(history);
        }

        Assert.Equal(160, forecast![0].Shortfall * 60, 6);
        Assert.False(forecast[0].ShortfallCapped);
    }
}

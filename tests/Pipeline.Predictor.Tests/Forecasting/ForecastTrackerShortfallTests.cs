using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Tests.Forecasting;

/// <summary>
/// A capping tracker holds the expected shortfall beyond the interval to the higher of the history's peak and the upper
/// bound: a return from an empty stretch is a large excess on the log scale, which must not raise a full level's bound
/// past any rate seen, and the shortfall never falls below the upper bound.
/// </summary>
public class ForecastTrackerShortfallTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // 80% intervals over 60 residuals: the shortfall averages the last 60 x (1 - 0.8) / 2 = 6 exceedances.
    private static readonly ForecastingOptions Options = new() { Coverage = 0.8, MinResiduals = 20, ResidualWindow = 60, LocalFraction = 1 };

    /// <summary>Forecasts <see cref="Value"/> when set, else the newest point (persistence), at every horizon.</summary>
    private sealed class SettableForecaster : IForecaster
    {
        public double? Value { get; set; }

        public string Name => "settable";

        public bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output)
        {
            output[..horizons.Length].Fill(Value ?? history[history.LastIndex]);
            return true;
        }
    }

    private static HorizonForecast Run(ForecastTracker tracker, RateHistory history, IEnumerable<double> perMinute)
    {
        HorizonForecast[]? forecast = null;
        foreach (var rate in perMinute)
        {
            history.Append(Series.Start + Minute * history.Count, rate / 60);
            tracker.Observe(history);
            forecast = tracker.Forecast(history);
        }
        return forecast![0];
    }

    /// <summary>
    /// 300 minutes at 100 per minute with a burst of 120 every 20th (5%: persistence's residuals are 90% zeros, so the
    /// upper bound is the forecast and each burst an exceedance of ln(121 / 101) ≈ 0.18), 45 empty minutes (an
    /// outage), then 2 minutes at 100: the return's first came against a forecast and bound of ~0, an excess of ~4.6.
    /// </summary>
    private static HorizonForecast AfterAnOutage(bool capAtPeak)
    {
        var tracker = new ForecastTracker(new SettableForecaster(), [1], Options, capAtPeak: capAtPeak);
        var rates = Enumerable.Range(0, 300).Select(i => i % 20 == 7 ? 120.0 : 100.0)
            .Concat(Enumerable.Repeat(0.0, 45))
            .Concat(Enumerable.Repeat(100.0, 2));
        return Run(tracker, new RateHistory(Minute, 1000), rates);
    }

    [Fact]
    public void Shortfall_AfterAReturnFromAnOutage_IsHeldToTheHighestRateTheHistoryHolds()
    {
        var uncapped = AfterAnOutage(capAtPeak: false);
        var capped = AfterAnOutage(capAtPeak: true);

        // Without the cap the return's excess, one of the last six, raises the bound to twice the peak.
        Assert.Equal(100, uncapped.Upper * 60, 6);
        Assert.True(uncapped.Shortfall * 60 > 2 * 120, $"uncapped shortfall {uncapped.Shortfall * 60:0.#} per minute");
        Assert.False(uncapped.ShortfallCapped);
        Assert.Equal(120, capped.Shortfall * 60, 6);
        Assert.True(capped.ShortfallCapped);
        Assert.Equal(uncapped.Upper, capped.Upper);
    }

    [Fact]
    public void Shortfall_UpperBoundAboveThePeak_IsTheUpperBound()
    {
        // The model forecast 50 while the load ran at 100 with a burst of 130 every 20th minute, so its residuals say
        // "twice the forecast" and each burst exceeded the bound; now it forecasts the peak, 130, and the bound is
        // ~260: above any rate held, the shortfall is held to the bound, never below it.
        var forecaster = new SettableForecaster { Value = 50.0 / 60 };
        var tracker = new ForecastTracker(forecaster, [1], Options, capAtPeak: true);
        var history = new RateHistory(Minute, 1000);
        Run(tracker, history, Enumerable.Range(0, 200).Select(i => i % 20 == 7 ? 130.0 : 100.0));

        forecaster.Value = 130.0 / 60;
        var forecast = tracker.Forecast(history)![0];

        Assert.Equal(130, tracker.Peak * 60, 6);
        Assert.True(forecast.Upper * 60 > 200, $"upper {forecast.Upper * 60:0.#} per minute");
        Assert.Equal(forecast.Upper, forecast.Shortfall);
        Assert.True(forecast.ShortfallCapped);
    }

    [Fact]
    public void Shortfall_BelowThePeak_IsNotCapped()
    {
        // A constant forecast of 100 per minute and a burst of 160 every 20th minute, after an opening minute at 200 that
        // no forecast preceded (never scored, so never an exceedance): the shortfall is 160, below the peak of 200.
        var tracker = new ForecastTracker(new SettableForecaster { Value = 100.0 / 60 }, [1], Options, capAtPeak: true);
        var forecast = Run(tracker, new RateHistory(Minute, 1000), Enumerable.Range(0, 400).Select(i => i == 0 ? 200.0 : i % 20 == 7 ? 160.0 : 100.0));

        Assert.Equal(160, forecast.Shortfall * 60, 6);
        Assert.False(forecast.ShortfallCapped);
    }
}

using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Tests.Forecasting;

public class ForecastTrackerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.8)]
    public void MeasuredCoverage_IidNoise_IsNearNominal(double nominal)
    {
        var options = new ForecastingOptions { Coverage = nominal };
        var tracker = new ForecastTracker(new ConstantForecaster(100), [1, 3], options);
        var history = new RateHistory(Minute, 100);
        var random = new Random(11);
        for (var i = 0; i < 4000; i++)
        {
            history.Append(Series.Start + Minute * i, 100 * Math.Exp(0.3 * Series.Gaussian(random)));
            tracker.Observe(history);
            tracker.Forecast(history);
        }

        Assert.InRange(tracker.MeasuredCoverage(0), nominal - 0.03, nominal + 0.03);
        Assert.InRange(tracker.MeasuredCoverage(1), nominal - 0.03, nominal + 0.03);
    }

    [Fact]
    public void Forecast_Shortfall_IsTheUpperBoundRaisedByTheMeanExcessOfTheActualsAboveIt()
    {
        // A constant forecast of 100 per minute against actuals of 100 with a burst of 160 every 20th minute: the interval's
        // upper bound stays at 100 (bursts are 5%, the upper bound's own share), and the actuals above it came at 160.
        var options = new ForecastingOptions { Coverage = 0.8, MinResiduals = 20, ResidualWindow = 100, LocalFraction = 1 };
        var tracker = new ForecastTracker(new ConstantForecaster(100.0 / 60), [1], options);
        var history = new RateHistory(Minute, 1000);
        HorizonForecast[]? forecast = null;
        for (var i = 0; i < 400; i++)
        {
            history.Append(Series.Start + Minute * i, (i % 20 == 7 ? 160 : 100) / 60.0);
            tracker.Observe(history);
            forecast = tracker.Forecast(history);
        }

        var f = forecast![0];
        Assert.Equal(100, f.Upper * 60, 6);
        // Exceedances are kept in log(1 + count) over log(1 + upper): the shortfall is 161 / 101 x 101 - 1 = 160 per minute.
        Assert.Equal(160, f.Shortfall * 60, 6);
    }

    [Fact]
    public void Forecast_NothingAboveTheUpperBound_NoShortfall()
    {
        var tracker = new ForecastTracker(new ConstantForecaster(1), [1], new ForecastingOptions { MinResiduals = 5 });
        var history = new RateHistory(Minute, 100);
        for (var i = 0; i < 50; i++)
        {
            history.Append(Series.Start + Minute * i, 1);
            tracker.Observe(history);
            tracker.Forecast(history);
        }

        Assert.True(double.IsNaN(tracker.Forecast(history)![0].Shortfall));
    }

    [Fact]
    public void Forecast_TooFewResiduals_HasNoInterval()
    {
        var tracker = new ForecastTracker(new ConstantForecaster(10), [1], new ForecastingOptions { MinResiduals = 30 });
        var history = new RateHistory(Minute, 100);
        for (var i = 0; i < 10; i++)
        {
            history.Append(Series.Start + Minute * i, 10);
            tracker.Observe(history);
            tracker.Forecast(history);
        }

        var forecast = tracker.Forecast(history)!;
        Assert.False(forecast[0].HasInterval);
        Assert.Equal(9, forecast[0].Scored);
        Assert.Equal(0, forecast[0].RecentSmape);
    }

    [Fact]
    public void Forecast_BiasedForecaster_IntervalShiftsTowardTheActuals()
    {
        var tracker = new ForecastTracker(new ConstantForecaster(50), [1], new ForecastingOptions());
        var history = new RateHistory(Minute, 1000);
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            history.Append(Series.Start + Minute * i, 100 + 5 * Series.Gaussian(random));
            tracker.Observe(history);
            tracker.Forecast(history);
        }

        var forecast = tracker.Forecast(history)![0];
        Assert.Equal(50, forecast.Value);
        Assert.InRange(forecast.Lower, 85, 100);
        Assert.InRange(forecast.Upper, 100, 115);
        Assert.InRange(forecast.RecentSmape, 0.6, 0.7);
    }

    private sealed class EchoForecaster : IForecaster
    {
        public string Name => "echo";

        public bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output)
        {
            output[..horizons.Length].Fill(history[history.LastIndex] > 500 ? 1000 : 10);
            return true;
        }
    }

    [Fact]
    public void Forecast_LocalFraction_IntervalsAdaptToTheLevel()
    {
        // Two regimes: rate 1000 with 2% noise and rate 10 with 40% noise, alternating in blocks.
        var random = new Random(5);
        double Rate(int i) => i / 50 % 2 == 0 ? 1000 * Math.Exp(0.02 * Series.Gaussian(random)) : 10 * Math.Exp(0.4 * Series.Gaussian(random));
        double WidthAtHighLevel(double localFraction)
        {
            var tracker = new ForecastTracker(new EchoForecaster(), [1], new ForecastingOptions { LocalFraction = localFraction });
            var history = new RateHistory(Minute, 3000);
            HorizonForecast last = default;
            for (var i = 0; i < 2000; i++)
            {
                history.Append(Series.Start + Minute * i, Rate(i));
                tracker.Observe(history);
                var f = tracker.Forecast(history)![0];
                if (f.Value == 1000) last = f;
            }
            return last.Upper / last.Value;
        }

        var global = WidthAtHighLevel(1.0);
        var local = WidthAtHighLevel(1.0 / 3);

        Assert.True(local < 1.1, $"local upper/value {local:F3} should reflect the 2% noise at the high level");
        Assert.True(global > local * 1.5, $"global {global:F3} vs local {local:F3}");
    }
}

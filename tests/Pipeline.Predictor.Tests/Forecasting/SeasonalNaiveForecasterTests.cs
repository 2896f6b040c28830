using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Forecasting;

public class SeasonalNaiveForecasterTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void TryForecast_SineWithDailyPeriod_IsExact()
    {
        var history = Series.Build(Hour, 24 * 3 + 5, i => Series.DailySine(i, 24, 100, 40));
        var forecaster = ForecasterRegistry.Create(ForecasterNames.SeasonalNaive, new ForecastingOptions());
        var output = new double[3];

        Assert.True(forecaster.TryForecast(history, [1, 2, 6], output));

        var last = (int)history.LastIndex;
        Assert.Equal(Series.DailySine(last + 1, 24, 100, 40), output[0], 9);
        Assert.Equal(Series.DailySine(last + 2, 24, 100, 40), output[1], 9);
        Assert.Equal(Series.DailySine(last + 6, 24, 100, 40), output[2], 9);
    }

    [Fact]
    public void TryForecast_LessThanADay_ReturnsFalse()
    {
        var history = Series.Build(Hour, 20, i => i);
        var forecaster = ForecasterRegistry.Create(ForecasterNames.SeasonalNaive, new ForecastingOptions());

        Assert.False(forecaster.TryForecast(history, [1], new double[1]));
    }

    [Fact]
    public void TryForecast_WeeklyPatternHeld_CopiesLastWeek()
    {
        // Weekends at a tenth of weekdays: yesterday is wrong on Mondays, last week is always right.
        static double Rate(int i) => (i / 24 % 7) >= 5 ? 10 : 100;
        var history = Series.Build(Hour, 24 * 7 * 2 + 24 * 5 - 1, Rate);
        var forecaster = ForecasterRegistry.Create(ForecasterNames.SeasonalNaive, new ForecastingOptions());
        var output = new double[1];

        Assert.True(forecaster.TryForecast(history, [1], output));

        Assert.Equal(Rate((int)history.LastIndex + 1), output[0]);
    }
}

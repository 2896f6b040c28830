using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Tests.Forecasting;

public class HoltWintersForecasterTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static ITrainableForecaster Trained(RateHistory history)
    {
        var forecaster = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.HoltWinters, new ForecastingOptions());
        TrainerModes.Create(TrainerModes.Synchronous).Maintain(forecaster, history);
        return forecaster;
    }

    [Fact]
    public void TryForecast_SeasonalSeriesWithTrend_ConvergesToTheTruth()
    {
        static double Rate(int i) => Series.DailySine(i, 24, 1000, 300) + 0.5 * i;
        var history = Series.Build(Hour, 24 * 12, Rate);
        var forecaster = Trained(history);
        var output = new double[3];

        Assert.True(forecaster.TryForecast(history, [1, 2, 3], output));

        var last = (int)history.LastIndex;
        for (var k = 0; k < 3; k++) Assert.InRange(output[k], Rate(last + k + 1) - 10, Rate(last + k + 1) + 10);
    }

    [Fact]
    public void TryForecast_LinearTrend_FollowsTheSlope()
    {
        var history = Series.Build(Hour, 24 * 6, i => 100 + 2.0 * i);
        var forecaster = Trained(history);
        var output = new double[2];

        Assert.True(forecaster.TryForecast(history, [1, 2], output));

        var last = history.LastIndex;
        Assert.InRange(output[0], 100 + 2.0 * (last + 1) - 1, 100 + 2.0 * (last + 1) + 1);
        Assert.InRange(output[1], 100 + 2.0 * (last + 2) - 1.5, 100 + 2.0 * (last + 2) + 1.5);
    }

    [Fact]
    public void TryForecast_NewPointsAfterTraining_AreFoldedIn()
    {
        var history = Series.Build(Hour, 24 * 4, _ => 50);
        var forecaster = Trained(history);
        for (var i = 0; i < 12; i++) history.Append(history.TimeOf(history.Count), 80);
        var output = new double[1];

        Assert.True(forecaster.TryForecast(history, [1], output));

        Assert.True(output[0] > 55, $"forecast {output[0]} ignored the level shift to 80");
    }

    [Fact]
    public void NeedsTraining_LessThanTwoSeasons_IsFalse()
    {
        var history = Series.Build(Hour, 30, _ => 50);
        var forecaster = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.HoltWinters, new ForecastingOptions());

        Assert.False(forecaster.NeedsTraining(history));
        Assert.False(forecaster.TryForecast(history, [1], new double[1]));
    }
}

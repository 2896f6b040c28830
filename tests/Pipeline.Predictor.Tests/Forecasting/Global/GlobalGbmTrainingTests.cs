using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Global;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Tests.Forecasting.Global;

public class GlobalGbmTrainingTests
{
    private static (IForecaster View, RateHistory History) Member(GlobalGbm fleet, string service, int points, double scale)
    {
        var history = GlobalFleetSeries.Build(points, scale, 0.1, seed: service.Length);
        return (fleet.Join(service, history), history);
    }

    [Fact]
    public void Observe_BackgroundFleet_FitsOnATaskAndSwapsTheModelIn()
    {
        var fleet = new GlobalGbm(GlobalFleetSeries.Options(), 2, TrainerModes.Background);
        var (view, history) = Member(fleet, "a", 3 * GlobalFleetSeries.PerDay, 40);
        var output = new double[2];

        view.TryForecast(history, [1, 2], output); // starts the round on a task and returns at once

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (fleet.Model is null && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.NotNull(fleet.Model);
        Assert.True(view.TryForecast(history, [1, 2], output));
        Assert.InRange(output[0], 1, 200);
    }

    [Fact]
    public void Constructor_PersistedModel_ForecastsAtOnceAndAModelChangedOnDiskIsTrainedAnew()
    {
        var dir = Directory.CreateTempSubdirectory("global-gbm-").FullName;
        try
        {
            var path = Path.Combine(dir, ".gbm-global-900s");
            var options = GlobalFleetSeries.Options();
            var first = new GlobalGbm(options, 2, TrainerModes.Synchronous, path);
            var (view, history) = Member(first, "a", 3 * GlobalFleetSeries.PerDay, 40);
            var expected = new double[2];
            Assert.True(view.TryForecast(history, [1, 2], expected));

            var restarted = new GlobalGbm(options, 2, trainer: null, path);
            var output = new double[2];
            Assert.NotNull(restarted.Model);
            Assert.True(restarted.Join("a", history).TryForecast(history, [1, 2], output));
            Assert.Equal(expected, output);

            var zip = Directory.GetFiles(dir, "h1.zip", SearchOption.AllDirectories).Single();
            File.WriteAllBytes(zip, [1, 2, 3]);
            Assert.Null(new GlobalGbm(options, 2, trainer: null, path).Model);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TryForecast_LoneHourlyServiceFromTheRegistry_TrainsOnItsOwnRows()
    {
        // 7 days are 168 hourly origins, fewer than MinTrainingRows (200): MinOriginPoints widens the window.
        var options = GlobalFleetSeries.Options();
        var forecaster = ForecasterRegistry.Create(ForecasterNames.GbmGlobal, options, 2);
        var history = Series.Build(TimeSpan.FromHours(1), 400, i => Series.DailySine(i, 24, 100, 50));
        var output = new double[2];

        Assert.True(forecaster.TryForecast(history, [1, 2], output));
        Assert.InRange(output[0], 40, 160);
    }
}

using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Intervals;
using Pipeline.Predictor.Forecasting.Persistence;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Tests.Forecasting;

public class GbmForecasterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    private const int PerDay = 96;

    private static ForecastingOptions Options() => new() { Gbm = { Horizons = 2, Trees = 60 } };

    private static double[] NoisySeasonal(int days, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days * PerDay)
            .Select(i => Math.Max(0, Series.DailySine(i, PerDay, 200, 120) * (1 + 0.15 * Series.Gaussian(random))))
            .ToArray();
    }

    [Fact]
    public void Forecast_NoisySeasonalSeries_BeatsSeasonalNaive()
    {
        var values = NoisySeasonal(20, seed: 7);
        var options = Options();
        var gbm = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options);
        var gbmTracker = new ForecastTracker(gbm, [1, 2], options);
        var naiveTracker = new ForecastTracker(ForecasterRegistry.Create(ForecasterNames.SeasonalNaive, options), [1, 2], options);
        var history = new RateHistory(Step, values.Length);
        var trainer = TrainerModes.Create(TrainerModes.Synchronous);
        for (var i = 0; i < values.Length; i++)
        {
            history.Append(Series.Start + Step * i, values[i]);
            if (i == 14 * PerDay) trainer.Maintain(gbm, history);
            if (i < 14 * PerDay) continue;
            gbmTracker.Observe(history);
            naiveTracker.Observe(history);
            gbmTracker.Forecast(history);
            naiveTracker.Forecast(history);
        }

        Assert.NotNull(gbm.Model);
        for (var k = 0; k < 2; k++)
        {
            Assert.True(gbmTracker.LifetimeSmape(k) < 0.8 * naiveTracker.LifetimeSmape(k),
                $"h{k + 1}: gbm sMAPE {gbmTracker.LifetimeSmape(k):F3} vs seasonal-naive {naiveTracker.LifetimeSmape(k):F3}");
        }
    }

    [Fact]
    public void NeedsTraining_ScheduleDoublesThenKeepsADailyPace()
    {
        var options = Options();
        var gbm = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options);
        var values = NoisySeasonal(4, seed: 3);
        var history = Series.Build(Step, 100, i => values[i], capacity: values.Length);
        Assert.False(gbm.NeedsTraining(history));

        for (var i = 100; i < 300; i++) history.Append(Series.Start + Step * i, values[i]);
        Assert.True(gbm.NeedsTraining(history));
        TrainerModes.Create(TrainerModes.Synchronous).Maintain(gbm, history);
        Assert.False(gbm.NeedsTraining(history));
        Assert.Equal(300, gbm.Model!.TrainedThrough);
    }

    [Fact]
    public void Store_SavedModelAndHistory_RestoreTheSameForecasts()
    {
        var options = Options();
        var gbm = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options);
        var values = NoisySeasonal(4, seed: 5);
        var history = Series.Build(Step, values.Length, i => values[i]);
        var dir = Path.Combine(Path.GetTempPath(), "gbm-store-" + Guid.NewGuid().ToString("N"));
        var store = new ForecastStateStore(dir);
        try
        {
            TrainerModes.Create(TrainerModes.Synchronous).Maintain(gbm, history, (model, snapshot) => store.Save("svc/a", snapshot, gbm, model));
            var before = new double[2];
            Assert.True(gbm.TryForecast(history, [1, 2], before));

            var restoredHistory = store.LoadHistory("svc/a", Step, values.Length);
            var restored = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options);
            Assert.True(store.TryLoadModel("svc/a", restored));
            var after = new double[2];
            Assert.True(restored.TryForecast(restoredHistory!, [1, 2], after));

            Assert.Equal(history.Count, restoredHistory!.Count);
            Assert.Equal(before, after);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}

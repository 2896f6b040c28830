using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Global;
using Pipeline.Predictor.Forecasting.Intervals;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Tests.Forecasting.Global;

public class GlobalGbmTests
{
    private static GlobalGbm TrainedFleet(ForecastingOptions options, out RateHistory[] members)
    {
        var fleet = new GlobalGbm(options, 2, trainer: null);
        members = [.. Enumerable.Range(0, 4).Select(s => GlobalFleetSeries.Build(10 * GlobalFleetSeries.PerDay, 20 * (s + 1), 0.1, seed: s))];
        for (var s = 0; s < members.Length; s++) fleet.Join($"s{s}", members[s]);
        Assert.NotNull(fleet.TrainNow());
        return fleet;
    }

    [Fact]
    public void Forecast_NewServiceOfTheSameShapeAtAnotherScale_AccurateAfterOnlyLookbackPoints()
    {
        var options = GlobalFleetSeries.Options();
        var fleet = TrainedFleet(options, out _);
        var random = new Random(99);
        var history = new RateHistory(GlobalFleetSeries.Step, 4 * GlobalFleetSeries.PerDay);
        var global = new ForecastTracker(fleet.Join("new", history), [1, 2], options);
        var gbm = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options, 2);
        var trainer = TrainerModes.Create(TrainerModes.Synchronous);
        var output = new double[2];
        for (var i = 0; i < GbmFeatures.Lookback + GlobalFleetSeries.PerDay; i++)
        {
            history.Append(Series.Start + GlobalFleetSeries.Step * i, GlobalFleetSeries.Rate(i, 3000, 0.1, random));
            trainer.Maintain(gbm, history);
            global.Observe(history);
            var forecast = global.Forecast(history);
            Assert.Equal(i + 1 >= GbmFeatures.Lookback, forecast is not null);
            Assert.False(gbm.TryForecast(history, [1, 2], output), "per-service gbm has too few rows of its own to train");
        }

        // 10% log-normal noise alone costs about 8% sMAPE; the global model never saw this scale (its services are 20..80).
        for (var k = 0; k < 2; k++) Assert.True(global.LifetimeSmape(k) < 0.15, $"h{k + 1}: sMAPE {global.LifetimeSmape(k):P1}");
    }

    [Fact]
    public void Forecast_TwoServicesSharingTheModel_IntervalsComeFromEachServicesOwnResiduals()
    {
        var options = GlobalFleetSeries.Options();
        var fleet = TrainedFleet(options, out _);
        var quiet = new ForecastTracker(fleet.Join("quiet", null), [1, 2], options);
        var noisy = new ForecastTracker(fleet.Join("noisy", null), [1, 2], options);
        var quietHistory = GlobalFleetSeries.Build(2 * GlobalFleetSeries.PerDay, 50, 0.02, seed: 7);
        var noisyHistory = GlobalFleetSeries.Build(2 * GlobalFleetSeries.PerDay, 50, 0.3, seed: 8);
        HorizonForecast[]? q = null, n = null;
        for (var i = 0; i < GlobalFleetSeries.PerDay; i++)
        {
            var at = Series.Start + GlobalFleetSeries.Step * (2 * GlobalFleetSeries.PerDay + i);
            quietHistory.Append(at, 50 * Series.DailySine(i, GlobalFleetSeries.PerDay, 1, 0.6));
            noisyHistory.Append(at, 50 * Series.DailySine(i, GlobalFleetSeries.PerDay, 1, 0.6) * (i % 2 == 0 ? 1.4 : 0.7));
            quiet.Observe(quietHistory);
            noisy.Observe(noisyHistory);
            q = quiet.Forecast(quietHistory);
            n = noisy.Forecast(noisyHistory);
        }

        Assert.True(q![0].HasInterval && n![0].HasInterval);
        var quietWidth = Math.Log(q[0].Upper / Math.Max(1e-9, q[0].Lower));
        var noisyWidth = Math.Log(n[0].Upper / Math.Max(1e-9, n[0].Lower));
        Assert.True(noisyWidth > 3 * quietWidth, $"log interval width: noisy {noisyWidth:F3}, quiet {quietWidth:F3}");
    }

    [Fact]
    public void Observe_SynchronousFleet_TrainsOnceThePooledRowsReachTheMinimum()
    {
        var options = GlobalFleetSeries.Options();
        var fleet = new GlobalGbm(options, 2, TrainerModes.Synchronous);
        var output = new double[2];
        var views = Enumerable.Range(0, 2).Select(s => fleet.Join($"s{s}", null)).ToArray();
        var histories = Enumerable.Range(0, 2).Select(_ => new RateHistory(GlobalFleetSeries.Step, 1000)).ToArray();
        var rows = 0;
        for (var i = 0; fleet.Model is null && i < 1000; i++)
        {
            for (var s = 0; s < 2; s++)
            {
                histories[s].Append(Series.Start + GlobalFleetSeries.Step * i, 10 * (s + 1) * Series.DailySine(i, GlobalFleetSeries.PerDay, 1, 0.5));
                views[s].TryForecast(histories[s], [1, 2], output);
            }
            rows = 2 * Math.Max(0, i + 1 - GbmFeatures.Lookback - 2);
        }

        // Neither service alone holds MinTrainingRows (200) rows: the pooled rows of both train the model.
        Assert.NotNull(fleet.Model);
        Assert.InRange(rows, options.Gbm.MinTrainingRows, options.Gbm.MinTrainingRows + 1);
        Assert.True(views[0].TryForecast(histories[0], [1, 2], output));
    }
}

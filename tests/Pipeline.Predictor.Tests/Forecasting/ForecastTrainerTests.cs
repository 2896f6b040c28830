using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Tests.Forecasting;

public class ForecastTrainerTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Synchronous_Maintain_InstallsBeforeReturning()
    {
        var forecaster = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.HoltWinters, new ForecastingOptions());
        var history = Series.Build(Hour, 24 * 3, i => Series.DailySine(i, 24, 100, 20));
        IForecastModel? reported = null;

        TrainerModes.Create(TrainerModes.Synchronous).Maintain(forecaster, history, (m, _) => reported = m);

        Assert.NotNull(forecaster.Model);
        Assert.Same(forecaster.Model, reported);
    }

    [Fact]
    public async Task Background_Maintain_InstallsLaterWithoutBlocking()
    {
        var forecaster = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.HoltWinters, new ForecastingOptions());
        var history = Series.Build(Hour, 24 * 3, i => Series.DailySine(i, 24, 100, 20));
        var done = new TaskCompletionSource<IForecastModel>(TaskCreationOptions.RunContinuationsAsynchronously);

        TrainerModes.Create(TrainerModes.Background).Maintain(forecaster, history, (m, _) => done.TrySetResult(m));
        history.Append(history.TimeOf(history.Count), 100);
        var model = await done.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Same(model, forecaster.Model);
        Assert.Equal(24 * 3, model.TrainedThrough);
    }

    [Fact]
    public void Create_UnknownMode_ListsTheKnownModes()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainerModes.Create("later"));
        Assert.Contains("sync", error.Message);
        Assert.Contains("background", error.Message);
    }
}

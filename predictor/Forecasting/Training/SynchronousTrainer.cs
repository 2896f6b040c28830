namespace Pipeline.Predictor.Forecasting.Training;

/// <summary>Trains inside <see cref="Maintain"/>: deterministic, for the simulator's virtual time and for tests.</summary>
internal sealed class SynchronousTrainer : IForecastTrainer
{
    public string Mode => TrainerModes.Synchronous;

    public void Maintain(ITrainableForecaster forecaster, RateHistory history, Action<IForecastModel, RateHistory>? trained = null)
    {
        if (!forecaster.NeedsTraining(history)) return;
        var snapshot = history.Snapshot(forecaster.TrainingWindow(history));
        var model = forecaster.Train(snapshot);
        if (model is null) return;
        forecaster.Install(model);
        trained?.Invoke(model, snapshot);
    }
}

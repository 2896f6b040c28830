namespace Pipeline.Predictor.Forecasting.Training;

/// <summary>
/// A forecaster with a model fitted on the history seen so far and refitted on a schedule. Training is split from
/// forecasting so an <see cref="IForecastTrainer"/> can run it inline (simulator) or on a background task (live).
/// </summary>
public interface ITrainableForecaster : IForecaster
{
    /// <summary>Whether the schedule asks for a (re)training given the history now (cheap; called every decision).</summary>
    bool NeedsTraining(RateHistory history);

    /// <summary>Newest points a training run looks at (the snapshot handed to <see cref="Train"/>).</summary>
    int TrainingWindow(RateHistory history);

    /// <summary>Fits a model on <paramref name="snapshot"/>; pure and deterministic, safe to call from any thread. Null when the snapshot is too short.</summary>
    IForecastModel? Train(RateHistory snapshot);

    /// <summary>Atomically replaces the model used by forecasts.</summary>
    void Install(IForecastModel model);

    /// <summary>The model in use, if any.</summary>
    IForecastModel? Model { get; }
}

namespace Pipeline.Predictor.Forecasting.Training;

/// <summary>
/// Runs training for trainable forecasters. <see cref="TrainerModes.Synchronous"/> trains inside the call (deterministic,
/// for virtual time); <see cref="TrainerModes.Background"/> trains a snapshot on a task and installs the model atomically,
/// so a decision never waits for training.
/// </summary>
public interface IForecastTrainer
{
    /// <summary>The mode name (see <see cref="TrainerModes"/>).</summary>
    string Mode { get; }

    /// <summary>Starts a training of <paramref name="forecaster"/> when its schedule asks for one and none is running for it.</summary>
    void Maintain(ITrainableForecaster forecaster, RateHistory history, Action<IForecastModel, RateHistory>? trained = null);
}

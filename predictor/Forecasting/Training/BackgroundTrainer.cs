using System.Runtime.CompilerServices;

namespace Pipeline.Predictor.Forecasting.Training;

/// <summary>
/// Trains on the thread pool: the decision thread only copies a snapshot of the history (microseconds) and returns;
/// the finished model is installed atomically by the forecaster. At most one training per forecaster runs at a time;
/// a failed training keeps the previous model and is reported through <see cref="Failed"/>.
/// </summary>
internal sealed class BackgroundTrainer : IForecastTrainer
{
    private readonly ConditionalWeakTable<ITrainableForecaster, Busy> _running = new();

    public string Mode => TrainerModes.Background;

    /// <summary>Raised (on the training task) when a training throws.</summary>
    public event Action<ITrainableForecaster, Exception>? Failed;

    public void Maintain(ITrainableForecaster forecaster, RateHistory history, Action<IForecastModel, RateHistory>? trained = null)
    {
        if (!forecaster.NeedsTraining(history)) return;
        var busy = _running.GetValue(forecaster, _ => new Busy());
        if (Interlocked.CompareExchange(ref busy.Flag, 1, 0) != 0) return;
        var snapshot = history.Snapshot(forecaster.TrainingWindow(history));
        _ = Task.Run(() =>
        {
            try
            {
                var model = forecaster.Train(snapshot);
                if (model is null) return;
                forecaster.Install(model);
                trained?.Invoke(model, snapshot);
            }
            catch (Exception ex)
            {
                Failed?.Invoke(forecaster, ex);
            }
            finally
            {
                Volatile.Write(ref busy.Flag, 0);
            }
        });
    }

    private sealed class Busy
    {
        public int Flag;
    }
}

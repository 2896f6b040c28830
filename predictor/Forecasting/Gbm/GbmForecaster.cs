using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Forecasting.Gbm;

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree) on lag, rolling and calendar features (<see cref="GbmFeatures"/>),
/// one model per horizon, log-scale target relative to the recent level. Trained first once
/// <see cref="GbmOptions.MinTrainingRows"/> rows exist, then whenever the history has doubled, and at least every
/// max(one day, <see cref="GbmOptions.RetrainMinPoints"/>) points.
/// </summary>
internal sealed class GbmForecaster(GbmOptions options, int horizonCount) : ITrainableForecaster
{
    private GbmModel? _model;

    public string Name => ForecasterNames.Gbm;

    public IForecastModel? Model => Volatile.Read(ref _model);

    public GbmOptions Options => options;

    /// <summary>Models are trained for horizons 1..<see cref="Horizons"/>.</summary>
    public int Horizons => horizonCount;

    public bool NeedsTraining(RateHistory history)
    {
        var rows = history.Available - GbmFeatures.Lookback - horizonCount;
        if (rows < options.MinTrainingRows) return false;
        var model = Model;
        if (model is null) return true;
        var since = history.Count - model.TrainedThrough;
        var interval = Math.Max(history.DailySeason, options.RetrainMinPoints);
        return since >= Math.Min(interval, Math.Max(options.MinTrainingRows, model.TrainedThrough));
    }

    public int TrainingWindow(RateHistory history) => history.Available;

    public IForecastModel? Train(RateHistory snapshot) => GbmTrainer.Train(snapshot, options, horizonCount);

    public void Install(IForecastModel model) => Volatile.Write(ref _model, (GbmModel)model);

    public bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output)
    {
        var model = Volatile.Read(ref _model);
        if (model is null || !GbmFeatures.CanCompute(history, history.LastIndex)) return false;
        for (var i = 0; i < horizons.Length; i++)
        {
            if (horizons[i] < 1 || horizons[i] > model.Horizons) return false;
            output[i] = model.Predict(history, horizons[i]);
        }
        return true;
    }
}

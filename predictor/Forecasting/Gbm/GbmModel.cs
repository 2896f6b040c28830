using Microsoft.ML;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Forecasting.Gbm;

/// <summary>
/// One trained FastTree regression per horizon (1..<see cref="Horizons"/>) with its prediction engine.
/// Engines are not thread-safe: after <see cref="GbmForecaster.Install"/> only the forecasting thread uses them.
/// </summary>
internal sealed class GbmModel : IForecastModel
{
    private readonly PredictionEngine<GbmRow, GbmScore>[] _engines;
    private readonly GbmRow _row = new();

    public GbmModel(MLContext context, DataViewSchema schema, ITransformer[] models, long trainedThrough, int examples, TimeSpan time)
    {
        Context = context;
        Schema = schema;
        Models = models;
        TrainedThrough = trainedThrough;
        TrainingExamples = examples;
        TrainingTime = time;
        _engines = models.Select(m => context.Model.CreatePredictionEngine<GbmRow, GbmScore>(m)).ToArray();
    }

    public MLContext Context { get; }
    public DataViewSchema Schema { get; }

    /// <summary>Model of horizon h at index h − 1.</summary>
    public ITransformer[] Models { get; }
    public int Horizons => Models.Length;
    public long TrainedThrough { get; }
    public int TrainingExamples { get; }
    public TimeSpan TrainingTime { get; }

    /// <summary>Forecast rate <paramref name="h"/> steps after the newest point of <paramref name="history"/>.</summary>
    public double Predict(RateHistory history, int h)
    {
        var t = history.LastIndex;
        GbmFeatures.Write(history, t, h, _row.Features);
        var score = _engines[h - 1].Predict(_row).Score;
        return GbmFeatures.ToRate(history, t, score);
    }
}

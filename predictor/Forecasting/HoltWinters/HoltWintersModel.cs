using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Forecasting.HoltWinters;

/// <summary>A fitted Holt-Winters state; the forecaster advances it with new points after installing it.</summary>
internal sealed class HoltWintersModel(HoltWintersState state, long trainedThrough, int examples, TimeSpan time) : IForecastModel
{
    public HoltWintersState State { get; } = state;
    public long TrainedThrough { get; } = trainedThrough;
    public int TrainingExamples { get; } = examples;
    public TimeSpan TrainingTime { get; } = time;
}

namespace Pipeline.Predictor.Forecasting.Training;

/// <summary>A trained model of an <see cref="ITrainableForecaster"/>; immutable once installed unless the forecaster says otherwise.</summary>
public interface IForecastModel
{
    /// <summary>History count (<see cref="RateHistory.Count"/>) of the snapshot it was trained on.</summary>
    long TrainedThrough { get; }

    /// <summary>Training examples (points or rows) it was fitted on.</summary>
    int TrainingExamples { get; }

    /// <summary>Wall-clock training time, for reports only (never used in decisions).</summary>
    TimeSpan TrainingTime { get; }
}

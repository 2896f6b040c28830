using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Intervals;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>One service's state in the <c>predictive</c> policy: history, tracked forecasters, capacity, recent recommendations.</summary>
internal sealed class PredictiveServiceState
{
    /// <param name="recommendations">Recommendations the stabilization window holds at one window a decision (its queue's
    /// capacity: grown by doubling it would hold 32 for the default 22, 160 bytes more a service).</param>
    public PredictiveServiceState(RateHistory history, ForecastTracker model, ForecastTracker reference, CapacityEstimator capacity, int recommendations = 0)
    {
        History = history;
        Model = model;
        Reference = reference;
        Capacity = capacity;
        _recommendations = new Queue<(long AtTicks, int Replicas)>(Math.Max(0, recommendations));
    }

    public RateHistory History { get; }
    public ForecastTracker Model { get; }
    public ForecastTracker Reference { get; }
    public CapacityEstimator Capacity { get; }

    /// <summary>Latest forecasts (reused by decisions that add no new point).</summary>
    public HorizonForecast[]? ModelForecast { get; set; }
    public HorizonForecast[]? ReferenceForecast { get; set; }

    /// <summary>Windows in a row whose rate was above the upper bound forecast for them (see <see cref="FloorSizing"/>).</summary>
    public int AboveStreak { get; set; }

    /// <summary>How far this service's past surprises went on rising (a field: the policy updates it in place).</summary>
    public SurgeGrowth Surge;

    /// <summary>Where this service's load last outgrew its ready replicas (a field: the policy updates it in place).</summary>
    public SaturationOnsets Saturations;

    /// <summary>Recommendations of the scale-down stabilization window, oldest first, at UTC ticks (16 bytes an entry, not 24).</summary>
    private readonly Queue<(long AtTicks, int Replicas)> _recommendations;

    /// <summary>The model's trainable view, when it has one.</summary>
    public ITrainableForecaster? Trainable => Model.Forecaster as ITrainableForecaster;

    /// <summary>The highest recommendation within <paramref name="window"/> before <paramref name="now"/>, after recording <paramref name="replicas"/>.</summary>
    public int Stabilize(DateTimeOffset now, int replicas, TimeSpan window)
    {
        _recommendations.Enqueue((now.UtcTicks, replicas));
        var oldest = (now - window).UtcTicks;
        while (_recommendations.Count > 0 && _recommendations.Peek().AtTicks < oldest) _recommendations.Dequeue();
        var max = replicas;
        foreach (var (_, r) in _recommendations) max = Math.Max(max, r);
        return max;
    }
}

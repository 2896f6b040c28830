namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>Values of <c>ScaleDecision.Rule</c> the <c>predictive</c> policy produces.</summary>
public static class PredictiveRules
{
    /// <summary>Replicas for the forecast's upper bound decided.</summary>
    public const string Forecast = "forecast";

    /// <summary>The reactive HPA calculation asked for more than the forecast.</summary>
    public const string ReactiveFloor = "reactive-floor";

    /// <summary>Demand seen at this time on each of the last days asked for more (<see cref="RecurringDemand"/>).</summary>
    public const string Recurring = "recurring";

    /// <summary>Fallback to the reactive calculation (history too short, model not ready, drift, capacity unknown).</summary>
    public const string Fallback = "fallback";

    /// <summary>A scale-down held at the highest recent recommendation.</summary>
    public const string Stabilized = "stabilized";

    /// <summary>The maximum step per decision limited the change.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>The min/max replica bounds limited the change.</summary>
    public const string Bound = "bound";
}

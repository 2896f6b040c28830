namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The recommendation before stabilization and limits: replicas for the decisive upper bound at the target
/// utilization, raised to the reactive floor; or the floor alone on fallback (the current count when no metrics).
/// </summary>
internal sealed record PredictivePlan(int Recommended, string Rule, int? ForecastReplicas, int? Floor)
{
    public static PredictivePlan Make(PredictiveAssessment assessment, PredictiveServiceState state, int? floor, int current, PredictiveOptions options)
    {
        if (!assessment.UsesForecast || assessment.Decisive is not { } decisive)
        {
            return new PredictivePlan(floor ?? current, PredictiveRules.Fallback, null, floor);
        }
        var perReplica = state.Capacity.PerReplica * options.TargetUtilization;
        var forecast = (int)Math.Ceiling(Math.Round(decisive.Upper / perReplica, 9));
        if (floor is { } f && f > forecast) return new PredictivePlan(f, PredictiveRules.ReactiveFloor, forecast, floor);
        return new PredictivePlan(forecast, PredictiveRules.Forecast, forecast, floor);
    }
}

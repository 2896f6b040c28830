namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The recommendation before stabilization and limits: replicas for the decisive upper bound at
/// <see cref="PredictiveOptions.UpperBoundUtilization"/> and for the point forecast at <see cref="PredictiveOptions.ExpectedUtilization"/>,
/// whichever is more, raised to the reactive floor; or the floor alone on fallback (the current count when no metrics).
/// </summary>
internal sealed record PredictivePlan(int Recommended, string Rule, int? ForecastReplicas, int? Floor)
{
    public static PredictivePlan Make(PredictiveAssessment assessment, PredictiveServiceState state, int? floor, int current, PredictiveOptions options)
    {
        if (!assessment.UsesForecast || assessment.Decisive is not { } decisive)
        {
            return new PredictivePlan(floor ?? current, PredictiveRules.Fallback, null, floor);
        }
        var atExpected = state.Capacity.PerReplica * options.ExpectedSizing;
        var atUpper = state.Capacity.PerReplica * options.UpperSizing;
        var forecast = Math.Max(Replicas(decisive.Upper, atUpper), Replicas(Math.Max(decisive.Value, assessment.NearPoint), atExpected));
        if (floor is { } f && f > forecast) return new PredictivePlan(f, PredictiveRules.ReactiveFloor, forecast, floor);
        return new PredictivePlan(forecast, PredictiveRules.Forecast, forecast, floor);
    }

    private static int Replicas(double rate, double perReplica) => (int)Math.Ceiling(Math.Round(rate / perReplica, 9));
}

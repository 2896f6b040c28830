namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The recommendation before stabilization and limits: replicas for the decisive upper bound at
/// <see cref="PredictiveOptions.UpperBoundUtilization"/> and for the point forecast at <see cref="PredictiveOptions.ExpectedUtilization"/>,
/// whichever is more, raised to the reactive floor; or the floor alone on fallback (the current count when no metrics).
/// Either way raised to the <see cref="RecurringDemand"/> at the expected sizing once the capacity is known, so a load that
/// came at this time on each of the last days is provisioned before it returns (<see cref="PredictiveRules.Recurring"/>).
/// </summary>
internal sealed record PredictivePlan(int Recommended, string Rule, int? ForecastReplicas, int? Floor, int? RecurringReplicas = null)
{
    public static PredictivePlan Make(PredictiveAssessment assessment, PredictiveServiceState state, int? floor, int current, PredictiveOptions options, double recurringRate = double.NaN)
    {
        var atExpected = state.Capacity.PerReplica * options.ExpectedSizing;
        int? recurring = state.Capacity.Known && recurringRate >= 0 ? Replicas(recurringRate, atExpected) : null;
        if (!assessment.UsesForecast || assessment.Decisive is not { } decisive)
        {
            var reactive = floor ?? current;
            return recurring > reactive
                ? new PredictivePlan(recurring.Value, PredictiveRules.Recurring, null, floor, recurring)
                : new PredictivePlan(reactive, PredictiveRules.Fallback, null, floor, recurring);
        }
        var atUpper = state.Capacity.PerReplica * options.UpperSizing;
        var forecast = Math.Max(Replicas(decisive.Upper, atUpper), Replicas(Math.Max(decisive.Value, assessment.NearPoint), atExpected));
        if (double.IsFinite(decisive.Tail)) forecast = Math.Max(forecast, Replicas(decisive.Tail, state.Capacity.PerReplica));
        if (floor is { } f && f > forecast && !(recurring > f)) return new PredictivePlan(f, PredictiveRules.ReactiveFloor, forecast, floor, recurring);
        if (recurring > forecast) return new PredictivePlan(recurring.Value, PredictiveRules.Recurring, forecast, floor, recurring);
        return new PredictivePlan(forecast, PredictiveRules.Forecast, forecast, floor, recurring);
    }

    private static int Replicas(double rate, double perReplica) => (int)Math.Ceiling(Math.Round(rate / perReplica, 9));
}

using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The recommendation before stabilization and limits: replicas for the decisive upper bound at
/// <see cref="PredictiveOptions.UpperBoundUtilization"/> and for the point forecast at <see cref="PredictiveOptions.ExpectedUtilization"/>,
/// whichever is more, raised to the reactive floor; or the floor alone on fallback (the current count when no metrics).
/// Either way raised to the <see cref="RecurringDemand"/> at the expected sizing once the capacity is known, so a load that
/// came at this time on each of the last days is provisioned before it returns (<see cref="PredictiveRules.Recurring"/>).
/// </summary>
/// With <see cref="PredictiveOptions.Sla"/> the forecast's replicas are the fewest at which its tail and expected demand
/// stay within the SLA at the queueing limit (<see cref="SlaLimit"/>: the utilization that allows, for that count).
internal sealed record PredictivePlan(int Recommended, string Rule, int? ForecastReplicas, int? Floor, int? RecurringReplicas = null, double? SlaLimit = null)
{
    public static PredictivePlan Make(PredictiveAssessment assessment, PredictiveServiceState state, int? floor, int current, PredictiveOptions options, double recurringRate = double.NaN, int maxReplicas = int.MaxValue)
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
        var (forecast, limit) = SlaSized(decisive, assessment.NearPoint, state.Capacity.PerReplica, options, maxReplicas) is { } sized
            ? (sized.Replicas, (double?)sized.Limit)
            : (UtilizationSized(decisive, assessment.NearPoint, state.Capacity.PerReplica, options), null);
        if (floor is { } f && f > forecast && !(recurring > f)) return new PredictivePlan(f, PredictiveRules.ReactiveFloor, forecast, floor, recurring, limit);
        if (recurring > forecast) return new PredictivePlan(recurring.Value, PredictiveRules.Recurring, forecast, floor, recurring, limit);
        return new PredictivePlan(forecast, PredictiveRules.Forecast, forecast, floor, recurring, limit);
    }

    /// <summary>The upper bound at the upper sizing, the expected demand at the expected sizing, the tail at 100%.</summary>
    private static int UtilizationSized(HorizonForecast decisive, double near, double perReplica, PredictiveOptions options)
    {
        var forecast = Math.Max(Replicas(decisive.Upper, perReplica * options.UpperSizing), Replicas(Math.Max(decisive.Value, near), perReplica * options.ExpectedSizing));
        return double.IsFinite(decisive.Tail) ? Math.Max(forecast, Replicas(decisive.Tail, perReplica)) : forecast;
    }

    /// <summary>
    /// The fewest replicas carrying within the SLA the tail (else the upper bound), the expected demand, and the expected
    /// shortfall beyond the interval (<see cref="HorizonForecast.Shortfall"/>: the upper bound raised by the mean excess of
    /// the recent actuals that came above it, so a service whose bursts overshoot its interval keeps that much headroom
    /// wherever the local tail is thin; held to the higher of the history's peak and the upper bound); null when off or
    /// unreachable.
    /// </summary>
    private static (int Replicas, double Limit)? SlaSized(HorizonForecast decisive, double near, double perReplica, PredictiveOptions options, int maxReplicas)
    {
        if (options.Sla is not { } sla) return null;
        var limits = sla.Limits(perReplica);
        var rate = Math.Max(double.IsFinite(decisive.Tail) ? decisive.Tail : decisive.Upper, Math.Max(decisive.Value, near));
        if (double.IsFinite(decisive.Shortfall)) rate = Math.Max(rate, decisive.Shortfall);
        if (limits.Replicas(rate, perReplica, maxReplicas) is not { } n) return null;
        return (n, limits.Utilization(Math.Max(1, n)));
    }

    private static int Replicas(double rate, double perReplica) => (int)Math.Ceiling(Math.Round(rate / perReplica, 9));
}

using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling.Hpa;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The safety net: what the reactive HPA calculation (<see cref="ReplicaCalculator"/>, same pods view as the <c>hpa</c>
/// policy) asks for now. Within the tolerance the HPA keeps the current count; as a floor that would forbid every
/// scale-down, so there the floor is the proportional count ceil(ready × utilization / target) capped at the current count.
/// Utilization saturates at 100%, so in a surge the HPA ratio is capped at 1/target; the floor is therefore also at
/// least the replicas the observed arrival rate needs at the target, ceil((rate + backlog / drain) / (capacity × target)),
/// once the per-replica capacity is known: the requests in flight at the window's end are drained over
/// <c>drain</c> (the start-up delay plus a window, the soonest added replicas can help), so a saturated service asks for
/// enough replicas to catch up instead of just keeping pace.
/// </summary>
internal static class ReactiveFloor
{
    /// <summary>Replicas the observed utilization needs, or null when no ready replica reported.</summary>
    public static int? Calculate(FeatureWindow window, int current, double target, double tolerance, double capacityPerReplica = double.NaN, double drainSeconds = double.PositiveInfinity)
    {
        var hpa = Hpa(window, current, target, tolerance);
        if (!(capacityPerReplica > 0) || !(window.RequestRate >= 0)) return hpa;
        var backlog = drainSeconds > 0 && double.IsFinite(drainSeconds) ? Math.Max(0, window.InFlight) / drainSeconds : 0;
        var arrivals = (int)Math.Ceiling(Math.Round((window.RequestRate + backlog) / (capacityPerReplica * target), 9));
        return Math.Max(hpa ?? 0, arrivals);
    }

    private static int? Hpa(FeatureWindow window, int current, double target, double tolerance)
    {
        var pods = HpaPolicy.PodsOf(window, current);
        var calc = ReplicaCalculator.Calculate(pods, target, tolerance);
        return calc.Outcome switch
        {
            ReplicaCalculator.NoMetrics => null,
            ReplicaCalculator.WithinTolerance or ReplicaCalculator.AdjustedWithinTolerance =>
                Math.Min(current, (int)Math.Ceiling(Math.Round(calc.UsageRatio * pods.ReadyUtilizations.Count, 9))),
            _ => calc.DesiredReplicas,
        };
    }
}

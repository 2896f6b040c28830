using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling.Hpa;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The safety net: what the reactive HPA calculation (<see cref="ReplicaCalculator"/>, same pods view as the <c>hpa</c>
/// policy) asks for now. Within the tolerance the HPA keeps the current count; as a floor that would forbid every
/// scale-down, so there the floor is the proportional count ceil(ready × utilization / target) capped at the current count.
/// </summary>
internal static class ReactiveFloor
{
    /// <summary>Replicas the observed utilization needs, or null when no ready replica reported.</summary>
    public static int? Calculate(FeatureWindow window, int current, double target, double tolerance)
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

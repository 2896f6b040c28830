namespace Pipeline.Predictor.Autoscaling.Hpa;

/// <summary>The per-pod metric state the replica calculator sees.</summary>
/// <param name="CurrentReplicas">Replicas the scale target asks for.</param>
/// <param name="ReadyUtilizations">Utilization (0..1) of each ready pod that reported a metric.</param>
/// <param name="UnreadyPods">Pods that reported but are not ready (their metric is not used as is).</param>
/// <param name="MissingPods">Pods of the target without a metric.</param>
public sealed record PodMetrics(int CurrentReplicas, IReadOnlyList<double> ReadyUtilizations, int UnreadyPods, int MissingPods);

/// <summary>What the calculator decided and why.</summary>
/// <param name="DesiredReplicas">Recommended replicas (before stabilization and rate limits).</param>
/// <param name="Utilization">Mean utilization of the ready pods with metrics (NaN when there are none).</param>
/// <param name="UsageRatio">Utilization / target.</param>
/// <param name="AdjustedUsageRatio">The ratio after filling in missing and unready pods (equal to <paramref name="UsageRatio"/> when none were).</param>
/// <param name="Outcome">One of <see cref="ReplicaCalculator"/>'s outcome constants.</param>
public sealed record ReplicaCalculation(int DesiredReplicas, double Utilization, double UsageRatio, double AdjustedUsageRatio, string Outcome);

/// <summary>
/// The pure part of the Kubernetes HPA for a resource-utilization metric, as described on kubernetes.io ("Algorithm
/// details") and implemented by the controller's replica calculator: desired = ceil(ready pods × utilization / target);
/// no change within the tolerance; when pods are missing metrics they count as 100% (or the target if higher) on a
/// scale-down and 0% on a scale-up; on a scale-up not-ready pods count as 0%; the ratio is then recomputed and the
/// change is dropped if it falls within the tolerance or would reverse the scaling direction.
/// </summary>
public static class ReplicaCalculator
{
    public const string NoMetrics = "no-metrics";
    public const string WithinTolerance = "within-tolerance";
    public const string Scaled = "scaled";
    public const string AdjustedWithinTolerance = "adjusted-within-tolerance";
    public const string DirectionReversed = "direction-reversed";

    // The documentation says "within" the tolerance; compare with a small slack so that a ratio of exactly 1.1 computed
    // in floating point (0.77 / 0.7 = 1.1000000000000003) counts as within 0.1.
    private const double Slack = 1e-9;

    /// <summary>Recommends replicas for the pods' utilization against <paramref name="targetUtilization"/>.</summary>
    public static ReplicaCalculation Calculate(PodMetrics pods, double targetUtilization, double tolerance)
    {
        var current = pods.CurrentReplicas;
        var ready = pods.ReadyUtilizations;
        if (ready.Count == 0) return new(current, double.NaN, double.NaN, double.NaN, NoMetrics);

        var sum = ready.Sum();
        var utilization = sum / ready.Count;
        var usageRatio = utilization / targetUtilization;

        var scaleUpWithUnready = pods.UnreadyPods > 0 && usageRatio > 1.0;
        if (!scaleUpWithUnready && pods.MissingPods == 0)
        {
            if (Math.Abs(1.0 - usageRatio) <= tolerance + Slack)
                return new(current, utilization, usageRatio, usageRatio, WithinTolerance);
            return new(CeilInt(usageRatio * ready.Count), utilization, usageRatio, usageRatio, Scaled);
        }

        // Fill in the pods without a usable metric and recompute.
        double filledSum = sum;
        var count = ready.Count;
        if (pods.MissingPods > 0 && usageRatio != 1.0)
        {
            if (usageRatio < 1.0) filledSum += pods.MissingPods * Math.Max(1.0, targetUtilization);
            count += pods.MissingPods;
        }
        if (scaleUpWithUnready) count += pods.UnreadyPods;
        var newUsageRatio = filledSum / count / targetUtilization;

        if (Math.Abs(1.0 - newUsageRatio) <= tolerance + Slack)
            return new(current, utilization, usageRatio, newUsageRatio, AdjustedWithinTolerance);
        if ((usageRatio < 1.0 && newUsageRatio > 1.0) || (usageRatio > 1.0 && newUsageRatio < 1.0))
            return new(current, utilization, usageRatio, newUsageRatio, DirectionReversed);

        var newReplicas = CeilInt(newUsageRatio * count);
        if ((newUsageRatio < 1.0 && newReplicas > current) || (newUsageRatio > 1.0 && newReplicas < current))
            return new(current, utilization, usageRatio, newUsageRatio, DirectionReversed);
        return new(newReplicas, utilization, usageRatio, newUsageRatio, Scaled);
    }

    // Guard against 0.7/0.7*4 = 4.000000000000001 style noise turning into an extra replica.
    private static int CeilInt(double value) => (int)Math.Ceiling(Math.Round(value, 9));
}

using Pipeline.Predictor.Autoscaling.Hpa;

namespace Pipeline.Predictor.Tests.Autoscaling;

/// <summary>
/// The replica calculator against the behaviours stated on kubernetes.io, "Horizontal Pod Autoscaling", section
/// "Algorithm details" (desired = ceil(current × current metric / desired metric), tolerance 0.1, missing metrics,
/// not-yet-ready pods, re-check of the direction). Target utilization 0.7 throughout.
/// </summary>
public sealed class ReplicaCalculatorTests
{
    public static TheoryData<string, double[], int, int, int, int, string> Cases => new()
    {
        // name, ready utilizations, unready, missing, current, expected desired, expected outcome
        { "metric double the target doubles the replicas (docs: 200m vs 100m)", [1.4, 1.4], 0, 0, 2, 4, ReplicaCalculator.Scaled },
        { "metric half the target halves the replicas (docs: 50m vs 100m)", [0.35, 0.35, 0.35, 0.35], 0, 0, 4, 2, ReplicaCalculator.Scaled },
        { "ceil rounds a fractional result up", [0.8, 0.8, 0.8], 0, 0, 3, 4, ReplicaCalculator.Scaled },
        { "ratio 1.05 is within tolerance", [0.735, 0.735, 0.735, 0.735], 0, 0, 4, 4, ReplicaCalculator.WithinTolerance },
        { "ratio exactly 1.1 is within tolerance", [0.77, 0.77, 0.77, 0.77], 0, 0, 4, 4, ReplicaCalculator.WithinTolerance },
        { "ratio 0.9 is within tolerance", [0.63, 0.63, 0.63, 0.63, 0.63, 0.63, 0.63, 0.63, 0.63, 0.63], 0, 0, 10, 10, ReplicaCalculator.WithinTolerance },
        { "ratio 1.2 scales up", [0.84, 0.84, 0.84, 0.84, 0.84], 0, 0, 5, 6, ReplicaCalculator.Scaled },
        { "ratio 0.85 scales down", [.595, .595, .595, .595, .595, .595, .595, .595, .595, .595], 0, 0, 10, 9, ReplicaCalculator.Scaled },
        { "scale-down: missing pods count as 100%", [0.35, 0.35, 0.35], 0, 1, 4, 3, ReplicaCalculator.Scaled },
        { "scale-up: missing pods count as 0%", [1.4, 1.4, 1.4, 1.4], 0, 4, 8, 8, ReplicaCalculator.AdjustedWithinTolerance },
        { "scale-up: missing pods at 0% dampen the step", [1.4, 1.4], 0, 1, 3, 4, ReplicaCalculator.Scaled },
        { "scale-up: not-ready pods count as 0%", [1.4, 1.4], 2, 0, 4, 4, ReplicaCalculator.AdjustedWithinTolerance },
        { "scale-up: not-ready pods dampen the step", [1.4, 1.4], 1, 0, 3, 4, ReplicaCalculator.Scaled },
        { "scale-down: not-ready pods are left out", [0.35, 0.35], 2, 0, 4, 1, ReplicaCalculator.Scaled },
        { "missing pods at 100% would reverse a scale-down: no change", [0.6], 0, 3, 4, 4, ReplicaCalculator.DirectionReversed },
        { "ratio exactly 1 with missing pods: no change", [0.7, 0.7], 0, 2, 4, 4, ReplicaCalculator.AdjustedWithinTolerance },
        { "no ready pod with a metric: no change", [], 2, 1, 3, 3, ReplicaCalculator.NoMetrics },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Calculate_KubernetesDocumentedBehaviour_ReturnsExpectedReplicas(string name, double[] ready, int unready, int missing,
        int current, int expected, string outcome)
    {
        var result = ReplicaCalculator.Calculate(new PodMetrics(current, ready, unready, missing), targetUtilization: 0.7, tolerance: 0.1);

        Assert.True(expected == result.DesiredReplicas, $"{name}: expected {expected}, got {result.DesiredReplicas} ({result.Outcome})");
        Assert.Equal(outcome, result.Outcome);
    }

    [Theory]
    [InlineData(0.0, 0.72, 5)]
    [InlineData(0.05, 0.72, 4)]
    public void Calculate_ConfigurableTolerance_IsApplied(double tolerance, double utilization, int expected)
    {
        var result = ReplicaCalculator.Calculate(new PodMetrics(4, [utilization, utilization, utilization, utilization], 0, 0), 0.7, tolerance);

        Assert.Equal(expected, result.DesiredReplicas);
    }

    [Fact]
    public void Calculate_TargetAbove100Percent_MissingPodsOnScaleDownCountAtTarget()
    {
        // Kubernetes fills missing pods with max(100%, target) on a scale-down.
        var result = ReplicaCalculator.Calculate(new PodMetrics(4, [0.6, 0.6], 0, 2), targetUtilization: 1.5, tolerance: 0.1);

        Assert.Equal((0.6 + 0.6 + 1.5 + 1.5) / 4 / 1.5, result.AdjustedUsageRatio, 9);
        Assert.Equal(3, result.DesiredReplicas);
    }
}

using Pipeline.Predictor.Autoscaling;
using Pipeline.Simulator.References;

namespace Pipeline.Simulator.Frontier;

/// <summary>
/// The runs of a sweep and their analysis: the floor (the utilization oracle's violation rate: the service time's
/// own tail, which no replica count removes), the HPA frontier, and every other run compared with it.
/// </summary>
public sealed class FrontierResult
{
    public FrontierResult(IReadOnlyList<FrontierRun> runs, double? slaUtilization)
    {
        Runs = runs;
        SlaUtilization = slaUtilization;
        Floor = runs.FirstOrDefault(r => r.Policy == ReferencePolicyNames.Oracle)?.Result.SlaViolationRate ?? 0;
        Hpa = new FrontierCurve(runs.Where(r => r.Policy == AutoscalingPolicyNames.Hpa).Select(r => r.ToPoint(Floor)));
        Comparisons = [.. runs.Where(r => r.Policy != AutoscalingPolicyNames.Hpa).Select(r => FrontierComparison.Of(r.ToPoint(Floor), Hpa))];
    }

    public IReadOnlyList<FrontierRun> Runs { get; }

    /// <summary>The queueing model's SLA utilization per replica (what <c>sla-oracle</c> provisions at).</summary>
    public double? SlaUtilization { get; }

    /// <summary>Violation rate no policy goes below: the utilization oracle's.</summary>
    public double Floor { get; }

    /// <summary>The HPA's efficient points.</summary>
    public FrontierCurve Hpa { get; }

    /// <summary>Every non-HPA run against the HPA frontier.</summary>
    public IReadOnlyList<FrontierComparison> Comparisons { get; }
}

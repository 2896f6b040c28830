using Pipeline.Predictor.Autoscaling;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.References;

namespace Pipeline.Simulator.Frontier;

/// <summary>What a frontier sweep runs, all on the same load and balancer.</summary>
public sealed class FrontierPlan
{
    /// <summary>The HPA's target utilizations. Default 0.3 to 0.9 by 0.1.</summary>
    public IReadOnlyList<double> HpaTargets { get; init; } = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>The predictive policy's settings (its own knob). Default: its defaults only.</summary>
    public IReadOnlyList<FrontierKnob> Predictive { get; init; } = [new("default", null)];

    /// <summary>Other policies run once at the evaluation's settings: the paper's baseline, the utilization oracle, the two SLA references and the reaction limit.</summary>
    public IReadOnlyList<string> Others { get; init; } = [AutoscalingPolicyNames.Threshold, ReferencePolicyNames.Oracle, ReferencePolicyNames.SlaOracle, ReferencePolicyNames.SlaPerReplica, ReferencePolicyNames.SlaReactive];

    /// <summary>The balancer of every run. Default least-request.</summary>
    public string Balancer { get; init; } = BalancerNames.LeastRequest;
}

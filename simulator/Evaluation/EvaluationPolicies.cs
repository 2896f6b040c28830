using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.References;

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// The autoscaling policies an evaluation can run, by name: the live predictor's (<see cref="PredictorPolicies"/>, built
/// from the same <see cref="PredictorOptions"/> the live stage uses, with the evaluation's target and start-up time),
/// plus the simulator's references <c>static-peak</c>, <c>oracle</c> (utilization), <c>sla-oracle</c> (pooled, the lower bound), <c>sla-per-replica</c> and <c>sla-reactive</c> (perfect reaction without headroom).
/// </summary>
public static class EvaluationPolicies
{
    /// <summary>The decision step's options for one run (its policies come from <see cref="Create"/>): the evaluation's target, start-up time and bounds; routing as the balancer needs it.</summary>
    public static PredictorOptions Options(EvaluationWorkload workload, RunSpec spec)
    {
        var o = workload.Options;
        return new PredictorOptions
        {
            AutoscalingPolicy = spec.Autoscaler,
            RoutingPolicy = BalancerRoutingPolicies.For(spec.Balancer) ?? "",
            ShadowPolicy = "",
            TargetUtilization = o.TargetUtilization,
            StartupDelay = o.StartupDelay,
            MinReplicas = o.MinReplicas,
            MaxReplicas = workload.MaxReplicas,
        };
    }

    /// <summary>A fresh registry for one run over <paramref name="workload"/>.</summary>
    public static AutoscalingPolicyRegistry Create(EvaluationWorkload workload)
    {
        var options = workload.Options;
        var predictor = new PredictorOptions { TargetUtilization = options.TargetUtilization, StartupDelay = options.StartupDelay };
        if (options.PredictiveSlaSizing) predictor.Predictive.Sla = options.SlaSizing();
        options.ConfigurePredictive?.Invoke(predictor.Predictive);
        var registry = PredictorPolicies.Autoscaling(predictor);
        registry.Add(ReferencePolicyNames.StaticPeak, () => new StaticPeakPolicy(workload.Demand.Peak));
        var horizon = options.StartupDelay + options.Windowing.WindowSize;
        registry.Add(ReferencePolicyNames.Oracle, () => new OraclePolicy(workload.Demand, workload.Trace.Start, horizon));
        registry.Add(ReferencePolicyNames.SlaPerReplica, () => new OraclePolicy(
            workload.SlaDemand ?? throw new ArgumentException($"{ReferencePolicyNames.SlaPerReplica}: the service time alone puts more than {1 - options.SlaTarget:P2} of requests over the {options.Slo.TotalMilliseconds:0} ms SLO; no replica count meets the SLA"),
            workload.Trace.Start, horizon, ReferencePolicyNames.SlaPerReplica));
        registry.Add(ReferencePolicyNames.SlaOracle, () => new OraclePolicy(workload.PooledSlaDemand, workload.Trace.Start, horizon, ReferencePolicyNames.SlaOracle));
        registry.Add(ReferencePolicyNames.SlaReactive, () => OraclePolicy.Reactive(workload.PooledSlaDemand.Scaled(options.ReactiveHeadroom), workload.Trace.Start, options.Windowing.WindowSize, horizon));
        return registry;
    }

    /// <summary>
    /// Whether a plain <c>evaluate</c> (no <c>--autoscaler</c>) runs the policy: all but <c>sla-reactive</c>, which the
    /// frontier runs and <c>--autoscaler sla-reactive</c> asks for (it would add a run to every default evaluation).
    /// </summary>
    public static bool InDefaultRuns(string name) => name != ReferencePolicyNames.SlaReactive;

    /// <summary>Whether a policy is a simulator-only reference (shown apart from the baselines in tables).</summary>
    public static bool IsReference(string name) => name is ReferencePolicyNames.StaticPeak or ReferencePolicyNames.Oracle or ReferencePolicyNames.SlaOracle or ReferencePolicyNames.SlaPerReplica or ReferencePolicyNames.SlaReactive;
}

using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Autoscaling.Hpa;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Simulator.References;

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// The autoscaling policies an evaluation can run, by name: the predictor's registry (<c>hpa</c> and whatever the
/// predictor registers) with the target utilization of the evaluation, plus the simulator's references
/// <c>static-peak</c> and <c>oracle</c>, plus anything added with <see cref="Extend"/>.
/// </summary>
public static class EvaluationPolicies
{
    private static readonly List<Action<AutoscalingPolicyRegistry, EvaluationWorkload>> Extensions = [];
    private static readonly Lock Gate = new();

    /// <summary>Adds policies to every registry built from now on (e.g. a policy living outside the predictor).</summary>
    public static void Extend(Action<AutoscalingPolicyRegistry, EvaluationWorkload> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        lock (Gate) Extensions.Add(register);
    }

    /// <summary>A fresh registry for one run over <paramref name="workload"/>.</summary>
    public static AutoscalingPolicyRegistry Create(EvaluationWorkload workload)
    {
        var options = workload.Options;
        var registry = AutoscalingPolicyRegistry.CreateDefault(new HpaOptions { TargetUtilization = options.TargetUtilization });
        registry.Add(ReferencePolicyNames.StaticPeak, () => new StaticPeakPolicy(workload.Demand.Peak));
        var horizon = options.StartupDelay + options.Windowing.WindowSize;
        registry.Add(ReferencePolicyNames.Oracle, () => new OraclePolicy(workload.Demand, workload.Trace.Start, horizon));
        var predictive = new PredictiveOptions { TargetUtilization = options.TargetUtilization, StartupDelay = options.StartupDelay };
        options.ConfigurePredictive?.Invoke(predictive);
        registry.AddPredictive(predictive);
        lock (Gate)
        {
            foreach (var extend in Extensions) extend(registry, workload);
        }
        return registry;
    }

    /// <summary>Whether a policy is a simulator-only reference (shown apart from the baselines in tables).</summary>
    public static bool IsReference(string name) => name is ReferencePolicyNames.StaticPeak or ReferencePolicyNames.Oracle;
}

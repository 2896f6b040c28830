using Pipeline.Contracts.Plugins;
using Pipeline.Predictor.Autoscaling.Hpa;

namespace Pipeline.Predictor.Autoscaling;

/// <summary>
/// Autoscaling policies by name (the <see cref="PluginRegistry{TPlugin}"/> shape). Each entry is a factory, so every
/// run (or the live predictor) gets fresh per-service state. Others add their policies with <see cref="Add"/> (the
/// simulator's references, the predictive policy) without editing this file.
/// </summary>
public sealed class AutoscalingPolicyRegistry() : PluginRegistry<IAutoscalingPolicy>("autoscaling policy")
{
    /// <summary>A registry holding the built-in <c>hpa</c> policy with <paramref name="hpa"/> (Kubernetes defaults when null).</summary>
    public static AutoscalingPolicyRegistry CreateDefault(HpaOptions? hpa = null) =>
        new AutoscalingPolicyRegistry().Add(AutoscalingPolicyNames.Hpa, () => new HpaPolicy(hpa ?? new HpaOptions()));

    /// <summary>Registers a policy factory; throws if the name is already taken. Returns this registry.</summary>
    public new AutoscalingPolicyRegistry Add(string name, Func<IAutoscalingPolicy> factory)
    {
        base.Add(name, factory);
        return this;
    }

    /// <summary>A factory for the <c>hpa</c> policy, for callers composing their own registry.</summary>
    public static IAutoscalingPolicy CreateHpa(HpaOptions? options = null) => new HpaPolicy(options ?? new HpaOptions());
}

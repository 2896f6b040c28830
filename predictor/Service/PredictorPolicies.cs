using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Autoscaling.Hpa;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Autoscaling.Threshold;
using Pipeline.Predictor.Decisions;
using Pipeline.Predictor.Routing;

namespace Pipeline.Predictor.Service;

/// <summary>Builds the decision step's policies from <see cref="PredictorOptions"/>; unknown names are rejected with the known ones.</summary>
public static class PredictorPolicies
{
    /// <summary>The autoscaling policies, every one sized for <see cref="PredictorOptions.TargetUtilization"/> (a fresh registry per call).</summary>
    public static AutoscalingPolicyRegistry Autoscaling(PredictorOptions? options = null)
    {
        var o = options ?? new PredictorOptions();
        o.Predictive.TargetUtilization = o.TargetUtilization;
        o.Predictive.StartupDelay = o.StartupDelay;
        return AutoscalingPolicyRegistry.CreateDefault(new HpaOptions { TargetUtilization = o.TargetUtilization }).AddPredictive(o.Predictive).AddThreshold();
    }

    /// <summary>The routing policies.</summary>
    public static RoutingPolicyRegistry Routing() => RoutingPolicyRegistry.CreateDefault();

    /// <summary>The decision step for <paramref name="options"/>, with policies from <paramref name="registry"/> (default: <see cref="Autoscaling"/>).</summary>
    public static DecisionStep CreateStep(PredictorOptions options, AutoscalingPolicyRegistry? registry = null)
    {
        options.Validate();
        var policies = registry ?? Autoscaling(options);
        var shadow = string.IsNullOrWhiteSpace(options.ShadowPolicy) || options.ShadowPolicy == options.AutoscalingPolicy
            ? null
            : policies.Create(options.ShadowPolicy);
        return new DecisionStep(
            policies.Create(options.AutoscalingPolicy),
            string.IsNullOrWhiteSpace(options.RoutingPolicy) ? null : Routing().Create(options.RoutingPolicy),
            options,
            shadow);
    }

    /// <summary>A predictor stage processor running a <see cref="CreateStep"/> per partition (so instances can share a group).</summary>
    public static PredictorProcessor CreateProcessor(PredictorOptions options)
    {
        // The first step is made now, so unknown policy names are rejected at start-up.
        DecisionStep? first = CreateStep(options);
        return new PredictorProcessor(() => Interlocked.Exchange(ref first, null) ?? CreateStep(options), options.StateReplay, TimeProvider.System, options.MaxServices);
    }
}

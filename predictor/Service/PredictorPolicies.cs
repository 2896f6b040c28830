using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Routing;

namespace Pipeline.Predictor.Service;

/// <summary>Resolves the predictor's policies by name from the registries; unknown names are rejected with the known ones.</summary>
public static class PredictorPolicies
{
    /// <summary>The autoscaling policies the live predictor offers (a fresh registry per call).</summary>
    public static AutoscalingPolicyRegistry Autoscaling() => AutoscalingPolicyRegistry.CreateDefault().AddPredictive(PredictiveOptions.Live());

    /// <summary>The routing policies the live predictor offers.</summary>
    public static RoutingPolicyRegistry Routing() => RoutingPolicyRegistry.CreateDefault();

    /// <summary>A processor with the policies named in <paramref name="options"/>; an empty routing name disables route decisions.</summary>
    public static PredictorProcessor CreateProcessor(PredictorOptions options) => new(
        Autoscaling().Create(options.AutoscalingPolicy),
        string.IsNullOrWhiteSpace(options.RoutingPolicy) ? null : Routing().Create(options.RoutingPolicy),
        options);
}

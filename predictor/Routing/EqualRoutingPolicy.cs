using System.Globalization;
using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;

namespace Pipeline.Predictor.Routing;

/// <summary>
/// The <c>equal</c> routing policy: weight 1/n for each of the n ready replicas of the window, 0 for the others. When no
/// replica is ready it fails open with equal weights over every replica that reported (like Envoy's panic threshold), so
/// traffic is never routed nowhere. Stateless and deterministic.
/// </summary>
internal sealed class EqualRoutingPolicy : IRoutingPolicy
{
    public string Name => RoutingPolicyNames.Equal;

    public RouteDecision Decide(RoutingContext context)
    {
        var replicas = context.Window.ReplicaFeatures;
        var ready = replicas.Count(r => r.Ready);
        var panic = ready == 0 && replicas.Count > 0;
        var share = panic ? 1.0 / replicas.Count : ready > 0 ? 1.0 / ready : 0;
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in replicas) weights[r.Replica] = r.Ready || panic ? share : 0;

        var explanation = replicas.Count == 0
            ? "no replica reported in the window -> no weights"
            : panic
                ? string.Create(CultureInfo.InvariantCulture, $"no ready replica among {replicas.Count} -> equal weight {share:0.###} to all (fail open)")
                : string.Create(CultureInfo.InvariantCulture, $"{ready} ready of {replicas.Count} replicas -> equal weight {share:0.###} each")
                  + (ready < replicas.Count ? ", 0 to not-ready" : "");
        return new RouteDecision
        {
            Id = DecisionIds.Create(context.Service, Name, context.Window.WindowEnd),
            Service = context.Service,
            Timestamp = context.Now,
            WindowEnd = context.Window.WindowEnd,
            Policy = Name,
            Weights = weights,
            Explanation = explanation,
        };
    }
}

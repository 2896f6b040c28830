using Pipeline.Predictor.Routing;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// Which routing policy feeds a balancer's weights in the offline harness, by balancer name: <c>learned</c> and
/// <c>weighted</c> get the <c>learned</c> policy's weights every window (<c>weighted</c> = the same weights without the
/// per-request guards, an ablation); the others take no weights.
/// </summary>
public static class BalancerRoutingPolicies
{
    /// <summary>The routing policy name for <paramref name="balancer"/>, or null when it ignores route weights.</summary>
    public static string? For(string balancer) => balancer switch
    {
        BalancerNames.Learned or BalancerNames.Weighted => RoutingPolicyNames.Learned,
        _ => null,
    };
}

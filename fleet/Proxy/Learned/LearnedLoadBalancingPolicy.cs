using Microsoft.AspNetCore.Http;
using Pipeline.Fleet.Proxy.Destinations;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Pipeline.Fleet.Proxy.Learned;

/// <summary>The learned balancer as a YARP load-balancing policy: weights from the destination table, state in <see cref="LearnedPicker"/>.</summary>
internal sealed class LearnedLoadBalancingPolicy(LearnedPicker picker, DestinationTable table) : ILoadBalancingPolicy
{
    public const string PolicyName = "PipelineLearned";

    public string Name => PolicyName;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        var n = availableDestinations.Count;
        if (n == 0) return null;
        if (n == 1) return availableDestinations[0];
        var candidates = new LearnedCandidate[n];
        for (var i = 0; i < n; i++)
        {
            var id = availableDestinations[i].DestinationId;
            var known = table.TryGet(id, out var entry);
            candidates[i] = new LearnedCandidate(id, known ? entry.Weight : 1, table.Meter(id).InFlight, known ? entry.Workers : 0);
        }
        return availableDestinations[picker.Pick(candidates, picker.Now())];
    }
}

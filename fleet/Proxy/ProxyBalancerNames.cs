using Yarp.ReverseProxy.LoadBalancing;

namespace Pipeline.Fleet.Proxy;

/// <summary>The proxy's balancer names: YARP's own policies plus the project's learned balancer.</summary>
public static class ProxyBalancerNames
{
    public const string RoundRobin = "round-robin";
    public const string PowerOfTwo = "power-of-two";
    public const string LeastRequests = "least-requests";
    public const string Learned = "learned";

    /// <summary>Every known name.</summary>
    public static IReadOnlyList<string> All { get; } = [RoundRobin, PowerOfTwo, LeastRequests, Learned];

    /// <summary>The YARP load-balancing policy name for <paramref name="name"/>; throws listing the known names.</summary>
    public static string YarpPolicy(string name) => name switch
    {
        RoundRobin => LoadBalancingPolicies.RoundRobin,
        PowerOfTwo => LoadBalancingPolicies.PowerOfTwoChoices,
        LeastRequests => LoadBalancingPolicies.LeastRequests,
        Learned => Pipeline.Fleet.Proxy.Learned.LearnedLoadBalancingPolicy.PolicyName,
        _ => throw new ArgumentException($"unknown balancer '{name}'; known: {string.Join(", ", All)}"),
    };
}

using Pipeline.Fleet.Proxy;
using Pipeline.Simulator.Balancing;

namespace Pipeline.Cli.SimToReal;

/// <summary>The simulator's balancer that models each of the proxy's: YARP's power-of-two is Envoy's least-request (P2C), its least-requests is join-shortest-queue.</summary>
internal static class BalancerPairs
{
    public static string Simulated(string proxyBalancer) => proxyBalancer switch
    {
        ProxyBalancerNames.RoundRobin => BalancerNames.RoundRobin,
        ProxyBalancerNames.PowerOfTwo => BalancerNames.LeastRequest,
        ProxyBalancerNames.LeastRequests => BalancerNames.Jsq,
        ProxyBalancerNames.Learned => BalancerNames.Learned,
        _ => throw new ArgumentException($"--balancer: unknown proxy balancer '{proxyBalancer}'; known: {string.Join(", ", ProxyBalancerNames.All)}"),
    };
}

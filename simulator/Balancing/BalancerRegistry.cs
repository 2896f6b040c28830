using Pipeline.Contracts.Plugins;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>Balancers by name (the <see cref="PluginRegistry{TPlugin}"/> shape); an unknown name is rejected with the list of known names.</summary>
public static class BalancerRegistry
{
    private static readonly PluginRegistry<IBalancer> Known = CreateDefault(SimRandom.Stream(0, 0), new ServiceOptions { Load = new Load.ConstantLoadProfile(0) });

    /// <summary>Names that <see cref="CreateDefault"/> holds, sorted.</summary>
    public static IReadOnlyList<string> Names => Known.Names;

    /// <summary>
    /// The built-in balancers for one service: each gets the service's seeded generator <paramref name="random"/>, and
    /// its options come from <paramref name="service"/> (e.g. <see cref="ServiceOptions.EqualizeUtilization"/>).
    /// </summary>
    public static PluginRegistry<IBalancer> CreateDefault(SimRandom random, ServiceOptions service) =>
        new PluginRegistry<IBalancer>("balancer")
            .Add(BalancerNames.RoundRobin, () => new RoundRobinBalancer())
            .Add(BalancerNames.Random, () => new RandomBalancer(random))
            .Add(BalancerNames.LeastRequest, () => new LeastRequestBalancer(random))
            .Add(BalancerNames.PeakEwma, () => new PeakEwmaBalancer(random))
            .Add(BalancerNames.Jsq, () => new JoinShortestQueueBalancer(random))
            .Add(BalancerNames.Weighted, () => new WeightedBalancer(random))
            .Add(BalancerNames.Learned, () => new LearnedBalancer(random, new LearnedBalancerOptions { EqualizeUtilization = service.EqualizeUtilization }));

    /// <summary>Throws <see cref="ArgumentException"/> listing the known names when <paramref name="name"/> is unknown.</summary>
    public static void Validate(string name) => Known.Validate(name);
}

using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Balancing;

/// <summary>
/// Creates balancers by name. Built-ins are always known; <see cref="Register"/> adds more (e.g. a learned balancer).
/// An unknown name is rejected with the list of known names.
/// </summary>
public static class BalancerRegistry
{
    private static readonly Dictionary<string, Func<SimRandom, IBalancer>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        [BalancerNames.RoundRobin] = _ => new RoundRobinBalancer(),
        [BalancerNames.Random] = r => new RandomBalancer(r),
        [BalancerNames.LeastRequest] = r => new LeastRequestBalancer(r),
        [BalancerNames.PeakEwma] = r => new PeakEwmaBalancer(r),
        [BalancerNames.Jsq] = r => new JoinShortestQueueBalancer(r),
        [BalancerNames.Weighted] = r => new WeightedBalancer(r),
        [BalancerNames.Learned] = r => new LearnedBalancer(r),
    };

    private static readonly Lock Gate = new();

    /// <summary>Names that <see cref="Create"/> accepts, sorted.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (Gate) return [.. Factories.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Adds (or replaces) a balancer factory; the factory gets a seeded generator owned by the service.</summary>
    public static void Register(string name, Func<SimRandom, IBalancer> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        lock (Gate) Factories[name] = factory;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing the known names when <paramref name="name"/> is unknown.</summary>
    public static void Validate(string name)
    {
        lock (Gate)
        {
            if (Factories.ContainsKey(name)) return;
        }
        throw new ArgumentException($"unknown balancer '{name}'; known balancers: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Creates a new balancer instance for one service.</summary>
    public static IBalancer Create(string name, SimRandom random)
    {
        Validate(name);
        Func<SimRandom, IBalancer> factory;
        lock (Gate) factory = Factories[name];
        return factory(random);
    }
}

namespace Pipeline.Predictor.Routing;

/// <summary>
/// Routing policies by name, as factories (fresh state per run). Others add policies with <see cref="Add"/> without
/// editing this file; an unknown name is rejected with the list of known names.
/// </summary>
public sealed class RoutingPolicyRegistry
{
    private readonly SortedDictionary<string, Func<IRoutingPolicy>> _factories = new(StringComparer.Ordinal);

    /// <summary>A registry holding the built-in policies (<c>equal</c>, <c>learned</c>).</summary>
    public static RoutingPolicyRegistry CreateDefault() =>
        new RoutingPolicyRegistry()
            .Add(RoutingPolicyNames.Equal, () => new EqualRoutingPolicy())
            .Add(RoutingPolicyNames.Learned, () => new Learned.LearnedRoutingPolicy());

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _factories.Keys];

    /// <summary>Registers a policy factory; throws if the name is already taken. Returns this registry.</summary>
    public RoutingPolicyRegistry Add(string name, Func<IRoutingPolicy> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(name, factory))
            throw new ArgumentException($"routing policy '{name}' is already registered", nameof(name));
        return this;
    }

    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>Creates a new instance of the named policy; throws <see cref="ArgumentException"/> listing the known names if unknown.</summary>
    public IRoutingPolicy Create(string name)
    {
        if (!_factories.TryGetValue(name, out var factory))
            throw new ArgumentException($"unknown routing policy '{name}'; known: {string.Join(", ", _factories.Keys)}", nameof(name));
        return factory();
    }
}

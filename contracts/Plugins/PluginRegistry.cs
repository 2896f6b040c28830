namespace Pipeline.Contracts.Plugins;

/// <summary>
/// The one registration shape of every plug point (metric source, forecaster, autoscaling policy, routing policy,
/// balancer, actuator target): factories by name, each call of <see cref="Create"/> a fresh instance, a taken name
/// rejected on <see cref="Add"/>, an unknown name rejected with the list of known ones. A registry is built once by its
/// kind's <c>CreateDefault</c> with the built-ins, and composition code adds its own before creating.
/// </summary>
public class PluginRegistry<TPlugin>(string kind)
{
    private readonly SortedDictionary<string, Func<TPlugin>> _factories = new(StringComparer.Ordinal);

    /// <summary>What the registry holds, for messages (e.g. <c>autoscaling policy</c>).</summary>
    public string Kind => kind;

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _factories.Keys];

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>Registers a factory; throws when the name is taken.</summary>
    public PluginRegistry<TPlugin> Add(string name, Func<TPlugin> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(name, factory)) throw new ArgumentException($"{kind} '{name}' is already registered", nameof(name));
        return this;
    }

    /// <summary>Registers a factory in place of the one under <paramref name="name"/> (or as a new one).</summary>
    public PluginRegistry<TPlugin> Replace(string name, Func<TPlugin> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _factories[name] = factory ?? throw new ArgumentNullException(nameof(factory));
        return this;
    }

    /// <summary>Returns <paramref name="name"/>, or throws <see cref="ArgumentException"/> listing the known names.</summary>
    public string Validate(string name) => name is not null && _factories.ContainsKey(name)
        ? name
        : throw new ArgumentException($"unknown {kind} '{name}'; known: {string.Join(", ", _factories.Keys)}", nameof(name));

    /// <summary>A new instance of the named plug-in.</summary>
    public TPlugin Create(string name) => _factories[Validate(name)]();
}

using Pipeline.Contracts.Plugins;

namespace Pipeline.Predictor.Routing;

/// <summary>
/// Routing policies by name (the <see cref="PluginRegistry{TPlugin}"/> shape), as factories (fresh state per run).
/// Others add policies with <see cref="Add"/> without editing this file.
/// </summary>
public sealed class RoutingPolicyRegistry() : PluginRegistry<IRoutingPolicy>("routing policy")
{
    /// <summary>A registry holding the built-in policies (<c>equal</c>, <c>learned</c>).</summary>
    public static RoutingPolicyRegistry CreateDefault() =>
        new RoutingPolicyRegistry()
            .Add(RoutingPolicyNames.Equal, () => new EqualRoutingPolicy())
            .Add(RoutingPolicyNames.Learned, () => new Learned.LearnedRoutingPolicy());

    /// <summary>Registers a policy factory; throws if the name is already taken. Returns this registry.</summary>
    public new RoutingPolicyRegistry Add(string name, Func<IRoutingPolicy> factory)
    {
        base.Add(name, factory);
        return this;
    }
}

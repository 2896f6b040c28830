using Pipeline.Predictor.Autoscaling.Hpa;

namespace Pipeline.Predictor.Autoscaling;

/// <summary>
/// Autoscaling policies by name. Each entry is a factory, so every run (or the live predictor) gets fresh per-service state.
/// Other components add their policies with <see cref="Add"/> (the simulator's references, the predictive policy) without
/// editing this file; an unknown name is rejected with the list of known names.
/// </summary>
public sealed class AutoscalingPolicyRegistry
{
    private readonly SortedDictionary<string, Func<IAutoscalingPolicy>> _factories = new(StringComparer.Ordinal);

    /// <summary>A registry holding the built-in <c>hpa</c> policy with <paramref name="hpa"/> (Kubernetes defaults when null).</summary>
    public static AutoscalingPolicyRegistry CreateDefault(HpaOptions? hpa = null) =>
        new AutoscalingPolicyRegistry().Add(AutoscalingPolicyNames.Hpa, () => new HpaPolicy(hpa ?? new HpaOptions()));

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _factories.Keys];

    /// <summary>Registers a policy factory; throws if the name is already taken. Returns this registry.</summary>
    public AutoscalingPolicyRegistry Add(string name, Func<IAutoscalingPolicy> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(name, factory))
            throw new ArgumentException($"autoscaling policy '{name}' is already registered", nameof(name));
        return this;
    }

    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>Creates a new instance of the named policy; throws <see cref="ArgumentException"/> listing the known names if unknown.</summary>
    public IAutoscalingPolicy Create(string name)
    {
        if (!_factories.TryGetValue(name, out var factory))
            throw new ArgumentException($"unknown autoscaling policy '{name}'; known: {string.Join(", ", _factories.Keys)}", nameof(name));
        return factory();
    }

    /// <summary>A factory for the <c>hpa</c> policy, for callers composing their own registry.</summary>
    public static IAutoscalingPolicy CreateHpa(HpaOptions? options = null) => new HpaPolicy(options ?? new HpaOptions());
}

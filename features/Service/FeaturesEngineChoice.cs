using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Features.Service;

/// <summary>The features engine chosen for a host that registers the stage elsewhere (the in-process pipeline).</summary>
/// <param name="Engine">One of <see cref="FeaturesEngines.All"/>.</param>
public sealed record FeaturesEngineChoice(string Engine)
{
    /// <summary>Environment variable naming the engine when no choice is registered.</summary>
    public const string EnvironmentVariable = "PIPELINE_FEATURES_ENGINE";

    /// <summary>The registered choice, else <see cref="EnvironmentVariable"/>, else <see cref="FeaturesEngines.Default"/>.</summary>
    public static string Of(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(FeaturesEngineChoice))?.ImplementationInstance is FeaturesEngineChoice choice
            ? choice.Engine
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } named ? named : FeaturesEngines.Default;
}

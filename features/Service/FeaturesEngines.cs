using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Features.Streamiz;
using Pipeline.Runtime.Kafka.Hosting;

namespace Pipeline.Features.Service;

/// <summary>The engines that can run the features stage, chosen by name (<c>pipeline features --engine</c>).</summary>
public static class FeaturesEngines
{
    /// <summary>The stage name: consumer group suffix, counters and dead letters.</summary>
    public const string Stage = "features";

    /// <summary>The project's consume-transform-produce loop (<see cref="FeaturesProcessor"/>).</summary>
    public const string Loop = "loop";

    /// <summary>A Streamiz.Kafka.Net topology around the same windowing code (<see cref="StreamizFeaturesService"/>).</summary>
    public const string Streamiz = "streamiz";

    /// <summary>The engine used when none is named.</summary>
    public const string Default = Loop;

    /// <summary>Every known engine name.</summary>
    public static IReadOnlyList<string> All { get; } = [Loop, Streamiz];

    /// <summary>
    /// Registers the features stage on <paramref name="engine"/> (a <c>WindowingOptions</c> singleton must be registered);
    /// throws <see cref="ArgumentException"/> listing the known names when it is unknown.
    /// </summary>
    public static IServiceCollection AddFeaturesStage(this IServiceCollection services, string engine, StreamizOptions? streamiz = null)
    {
        switch (engine)
        {
            case Loop:
                return services.AddStage<FeaturesProcessor>();
            case Streamiz:
                services.TryAddSingleton(streamiz ?? new StreamizOptions());
                return services.AddHostedService<StreamizFeaturesService>();
            default:
                throw new ArgumentException($"unknown features engine '{engine}'; known: {string.Join(", ", All)}");
        }
    }
}

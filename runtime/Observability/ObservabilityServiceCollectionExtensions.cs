using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Pipeline.Runtime.Observability;

/// <summary>Registers a stage process's health and metrics: the endpoint (when a port is set) and the health snapshots.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PrometheusStageMetrics"/>, <see cref="MetricsEndpoint"/> (port &gt; 0) and <see cref="StageHealthPublisher"/>.</summary>
    public static IServiceCollection AddStageObservability(this IServiceCollection services, StageMetricsOptions options)
    {
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton<PrometheusStageMetrics>();
        if (options.Port > 0) services.AddSingleton<IHostedService, MetricsEndpoint>();
        services.AddSingleton<IHostedService, StageHealthPublisher>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Pipeline.Ingest.Host;
using Pipeline.Ingest.Simulation;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Ingest.Sources;

/// <summary>Creates the metric source chosen by name; an unknown name is rejected with the known ones.</summary>
public static class MetricSources
{
    /// <summary>The source named <paramref name="name"/>; <c>simulator</c> needs a <see cref="SimulatedCluster"/> in <paramref name="services"/>.</summary>
    public static IMetricSource Create(string name, IServiceProvider services) => MetricSourceNames.Validate(name) switch
    {
        MetricSourceNames.Simulator => new SimulatorMetricSource(services.GetRequiredService<SimulatedCluster>()),
        _ => new HostMetricSource(services.GetService<HostMetricOptions>() ?? new HostMetricOptions()),
    };
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Plugins;
using Pipeline.Ingest.Host;
using Pipeline.Ingest.Simulation;
using Pipeline.Ingest.Sources.Prometheus;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Ingest.Sources;

/// <summary>Metric sources by name (the <see cref="PluginRegistry{TPlugin}"/> shape).</summary>
public static class MetricSources
{
    /// <summary>
    /// The built-in sources over <paramref name="services"/>; <c>simulator</c> needs a <see cref="SimulatedCluster"/> there,
    /// <c>prometheus</c> takes its <see cref="PrometheusSourceOptions"/> and <see cref="PrometheusSourceStats"/> from there.
    /// </summary>
    public static PluginRegistry<IMetricSource> CreateDefault(IServiceProvider services) =>
        new PluginRegistry<IMetricSource>("metric source")
            .Add(MetricSourceNames.Simulator, () => new SimulatorMetricSource(services.GetRequiredService<SimulatedCluster>()))
            .Add(MetricSourceNames.Host, () => new HostMetricSource(services.GetService<HostMetricOptions>() ?? new HostMetricOptions()))
            .Add(MetricSourceNames.Prometheus, () => PrometheusSourceFactory.Create(
                services.GetService<PrometheusSourceOptions>() ?? new PrometheusSourceOptions(),
                services.GetService<PrometheusSourceStats>() ?? new PrometheusSourceStats(),
                services.GetService<ILoggerFactory>()?.CreateLogger(typeof(PrometheusSourceFactory).FullName!) ?? NullLogger.Instance));

    private static readonly PluginRegistry<IMetricSource> Known = CreateDefault(new ServiceCollection().BuildServiceProvider());

    /// <summary>The names <see cref="CreateDefault"/> knows and the push source's, for help texts.</summary>
    public static IReadOnlyList<string> Names => [.. Known.Names, MetricSourceNames.Http];

    /// <summary>Returns <paramref name="name"/>, or throws listing the known names, before any service exists.</summary>
    public static string Validate(string name) => name == MetricSourceNames.Http || Known.Contains(name)
        ? name
        : throw new ArgumentException($"unknown metric source '{name}'; known: {string.Join(", ", Names)}", nameof(name));
}

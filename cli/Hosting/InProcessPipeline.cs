using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Cli.Commands;
using Pipeline.Contracts.Kafka;
using Pipeline.Contracts.Kafka.Hosting;
using Pipeline.Contracts.Kafka.Streaming;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Ingest.Publishing;
using Pipeline.Ingest.Sources;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Cli.Hosting;

/// <summary>Every stage in one process around one simulated cluster, as <c>pipeline demo</c> runs it (and the end-to-end tests).</summary>
internal static class InProcessPipeline
{
    /// <summary>
    /// Registers the simulator source's publisher (one collection per virtual second), features, predictor (hpa + equal unless
    /// <paramref name="predictor"/> names others),
    /// actuator (simulator target) and, when <paramref name="influxUrl"/> is set, the sink.
    /// </summary>
    public static IServiceCollection AddInProcessPipeline(this IServiceCollection services, KafkaOptions kafka, SimulatedCluster cluster,
        TimeProvider time, StageCounters counters, double speedUp, string? influxUrl, string influxDatabase = "pipeline",
        PredictorOptions? predictor = null)
    {
        services.AddSingleton(time);
        services.AddSingleton(counters);
        services.AddPipelineKafka(kafka);
        services.AddSingleton(cluster);
        services.AddSingleton(new PublisherOptions { Source = MetricSourceNames.Simulator, TickInterval = TimeSpan.FromSeconds(1) / speedUp });
        services.AddSingleton(sp => MetricSources.Create(MetricSourceNames.Simulator, sp));
        services.AddSingleton<MetricPublisherService>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricPublisherService>());
        services.AddSingleton(new WindowingOptions());
        services.AddStage<FeaturesProcessor>();
        services.AddSingleton(PredictorPolicies.CreateProcessor(predictor ?? new PredictorOptions()));
        services.AddStage<PredictorProcessor>();
        services.AddSingleton(new ActuatorOptions { Target = ActuatorTargetNames.Simulator });
        services.AddSingleton(sp => ActuatorTargets.Create(ActuatorTargetNames.Simulator, sp));
        services.AddStage<ActuatorProcessor>();
        if (influxUrl is not null) SinkCommand.AddSink(services, SinkCommand.WriterOptions(influxUrl, influxDatabase));
        return services;
    }

    /// <summary>The process's shared producer (for injecting records).</summary>
    public static IProducer<string?, byte[]> Producer(IServiceProvider services) => services.GetRequiredService<IProducer<string?, byte[]>>();
}

using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Cli.Commands;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Ingest.Publishing;
using Pipeline.Ingest.Sources;
using Pipeline.Predictor.Service;
using Pipeline.Predictor.Decisions;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Control;

namespace Pipeline.Cli.Hosting;

/// <summary>Every stage in one process around one simulated cluster, as <c>pipeline demo</c> runs it (and the end-to-end tests).</summary>
internal static class InProcessPipeline
{
    /// <summary>
    /// Registers the simulator source's publisher (one collection per virtual second), features, the predictor running
    /// <paramref name="step"/> (default: <see cref="PredictorPolicies.CreateStep"/> with the default options, the
    /// evaluated predictive policy and learned routing), the actuator on the simulator target and, when
    /// <paramref name="influxUrl"/> is set, the sink.
    /// </summary>
    public static IServiceCollection AddInProcessPipeline(this IServiceCollection services, KafkaOptions kafka, SimulatedCluster cluster,
        TimeProvider time, StageCounters counters, double speedUp, string? influxUrl, string influxDatabase = "pipeline",
        DecisionStep? step = null)
    {
        services.AddSingleton(time);
        services.AddSingleton(counters);
        services.AddPipelineKafka(kafka);
        services.AddSingleton(cluster);
        services.AddSingleton(new PublisherOptions { Source = MetricSourceNames.Simulator, TickInterval = TimeSpan.FromSeconds(1) / speedUp });
        services.AddSingleton(sp => MetricSources.CreateDefault(sp).Create(MetricSourceNames.Simulator));
        services.AddSingleton<MetricPublisherService>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricPublisherService>());
        services.AddSingleton(new WindowingOptions());
        services.AddFeaturesStage(FeaturesEngineChoice.Of(services));
        var decisions = step ?? PredictorPolicies.CreateStep(new PredictorOptions());
        services.AddSingleton(new PredictorProcessor(decisions));
        services.AddStage<PredictorProcessor>();
        services.AddActuator(
            new ActuatorOptions { Target = ActuatorTargetNames.Simulator, MinReplicas = decisions.Options.MinReplicas, MaxReplicas = decisions.Options.MaxReplicas },
            _ => new SimulatorTarget(cluster));
        if (influxUrl is not null) SinkCommand.AddSink(services, SinkCommand.WriterOptions(influxUrl, influxDatabase));
        return services;
    }

    /// <summary>The process's shared producer (for injecting records).</summary>
    public static IProducer<string?, byte[]> Producer(IServiceProvider services) => services.GetRequiredService<IProducer<string?, byte[]>>();
}

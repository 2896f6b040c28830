using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Runtime.Kafka.Hosting;

/// <summary>Registers the pipeline's Kafka plumbing: options, the process's one producer, stage counters and stages.</summary>
public static class KafkaServiceCollectionExtensions
{
    /// <summary>Adds <paramref name="options"/>, a shared producer, <see cref="StageCounters"/> and <see cref="TimeProvider.System"/> (unless already registered).</summary>
    public static IServiceCollection AddPipelineKafka(this IServiceCollection services, KafkaOptions options)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton<StageCounters>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProducer<string?, byte[]>>(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Pipeline.Kafka.Producer");
            return new ProducerBuilder<string?, byte[]>(KafkaClientConfigs.Producer(options, "pipeline"))
                .SetKeySerializer(Serializers.Utf8)
                .SetValueSerializer(Serializers.ByteArray)
                .SetErrorHandler((_, e) => logger.LogWarning("Producer error: {Reason}", e.Reason))
                .SetLogHandler((_, _) => { })
                .Build();
        });
        return services;
    }

    /// <summary>Runs <typeparamref name="TProcessor"/> (registered as a singleton) as a consume-transform-produce stage.</summary>
    public static IServiceCollection AddStage<TProcessor>(this IServiceCollection services) where TProcessor : class, IStageProcessor
    {
        services.TryAddSingleton<TProcessor>();
        services.AddSingleton<IHostedService>(sp => new StageBackgroundService(
            sp.GetRequiredService<TProcessor>(),
            sp.GetRequiredService<IProducer<string?, byte[]>>(),
            sp.GetRequiredService<KafkaOptions>(),
            sp.GetRequiredService<StageCounters>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }
}

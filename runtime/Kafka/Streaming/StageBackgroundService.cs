using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// Hosts a <see cref="ConsumeTransformProduceLoop"/> for one <see cref="IStageProcessor"/> on a dedicated thread.
/// A fatal error stops the host (the process exits non-zero) instead of running on without its stage.
/// </summary>
public sealed class StageBackgroundService(
    IStageProcessor processor,
    IProducer<string?, byte[]> producer,
    KafkaOptions options,
    StageCounters counters,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() =>
        {
            var logger = loggers.CreateLogger($"Pipeline.Stage.{processor.Stage}");
            try
            {
                new ConsumeTransformProduceLoop(processor, producer, options, counters, time, logger).Run(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogCritical(e, "Stage {Stage} stopped on a fatal error", processor.Stage);
                counters.For(processor.Stage).MarkFatal($"stopped: {e.Message}");
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            }
        }, stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}

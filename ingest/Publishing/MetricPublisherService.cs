using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Ingest.Sources;

namespace Pipeline.Ingest.Publishing;

/// <summary>
/// Collects from one <see cref="IMetricSource"/> every <see cref="PublisherOptions.TickInterval"/> and produces each
/// sample on <see cref="TopicNames.Metrics"/> keyed by service. Event time comes from the injected
/// <see cref="TimeProvider"/> (virtual time in the demo). With a <see cref="StageCounter"/> the stage reports its health
/// like the consuming stages: each successful collection counts as a poll (a source failing for longer than the stale
/// limit turns <c>/healthz</c> 503), each delivered sample as published, and a sample not delivered marks the stage failed
/// with the broker's reason (a sample was lost).
/// </summary>
public sealed partial class MetricPublisherService(
    IMetricSource source,
    IProducer<string?, byte[]> producer,
    PublisherOptions options,
    TimeProvider time,
    ILogger<MetricPublisherService> logger,
    StageCounter? counter = null) : BackgroundService
{
    private long _published;
    private long _failed;

    /// <summary>Samples handed to the producer so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.Started(logger, source.Name, options.TickInterval.TotalMilliseconds);
        using var timer = new PeriodicTimer(options.TickInterval);
        try
        {
            do
            {
                PublishOnce();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
        producer.Flush(TimeSpan.FromSeconds(10));
        Log.Stopped(logger, source.Name, Published, Interlocked.Read(ref _failed));
    }

    /// <summary>Collects once and produces the samples; a failing source is logged and retried on the next tick.</summary>
    public void PublishOnce()
    {
        IReadOnlyList<MetricSample> samples;
        try
        {
            samples = source.Collect(time.GetUtcNow());
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
        {
            Log.CollectFailed(logger, source.Name, e);
            return;
        }
        counter?.MarkPolled(time.GetUtcNow());
        foreach (var sample in samples)
        {
            var value = JsonSerde<MetricSample>.Instance.Serialize(sample, default);
            producer.Produce(TopicNames.Metrics, new Message<string?, byte[]> { Key = sample.Service, Value = value }, report =>
            {
                if (report.Error.IsError)
                {
                    Interlocked.Increment(ref _failed);
                    counter?.MarkFatal($"metric sample for {sample.Service} not delivered to {TopicNames.Metrics}: {report.Error.Reason}");
                    Log.DeliveryFailed(logger, report.Error.Reason);
                }
                else
                {
                    counter?.AddPublished(TopicNames.Metrics);
                }
            });
            Interlocked.Increment(ref _published);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Publishing metrics from source {Source} every {IntervalMs} ms")]
        public static partial void Started(ILogger logger, string source, double intervalMs);

        [LoggerMessage(2, LogLevel.Information, "Metric source {Source} stopped: {Published} samples published, {Failed} failed")]
        public static partial void Stopped(ILogger logger, string source, long published, long failed);

        [LoggerMessage(3, LogLevel.Warning, "Metric source {Source} failed to collect")]
        public static partial void CollectFailed(ILogger logger, string source, Exception exception);

        [LoggerMessage(4, LogLevel.Warning, "Metric sample not delivered: {Reason}")]
        public static partial void DeliveryFailed(ILogger logger, string reason);
    }
}

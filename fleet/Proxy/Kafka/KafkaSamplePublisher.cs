using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Fleet.Proxy.Metrics;

namespace Pipeline.Fleet.Proxy.Kafka;

/// <summary>Produces the proxy's samples on <see cref="TopicNames.Metrics"/> keyed by service (the ingest publisher's convention).</summary>
internal sealed partial class KafkaSamplePublisher(IProducer<string?, byte[]> producer, ILogger<KafkaSamplePublisher> logger) : IMetricSampleSink, IDisposable
{
    private long _published, _failed;
    private int _disposed;

    public long Published => Interlocked.Read(ref _published);

    public void Publish(IReadOnlyList<MetricSample> samples)
    {
        foreach (var sample in samples)
        {
            var value = JsonSerde<MetricSample>.Instance.Serialize(sample, default);
            producer.Produce(TopicNames.Metrics, new Message<string?, byte[]> { Key = sample.Service, Value = value }, report =>
            {
                if (!report.Error.IsError)
                {
                    Interlocked.Increment(ref _published);
                    return;
                }
                Interlocked.Increment(ref _failed);
                LogDeliveryFailed(logger, sample.Replica, report.Error.Reason);
            });
        }
    }

    /// <summary>Flushes and closes the producer; idempotent (DI disposes it under both of its registrations).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        producer.Flush(TimeSpan.FromSeconds(5));
        producer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "metric sample of {Replica} not delivered: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string replica, string reason);
}

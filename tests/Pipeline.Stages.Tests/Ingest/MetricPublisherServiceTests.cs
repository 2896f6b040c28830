using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Runtime.Observability;
using Pipeline.Ingest.Publishing;
using Pipeline.Ingest.Sources;
using Pipeline.TestSupport.Kafka;
using Pipeline.TestSupport.Time;

namespace Pipeline.Stages.Tests.Ingest;

/// <summary>The ingest publisher's health on a real Kafka client: collections count as polls, deliveries as published, a lost sample as a failure.</summary>
public sealed class MetricPublisherServiceTests
{
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(30);

    private sealed class FixedSource(int samples, bool fails = false) : IMetricSource
    {
        public string Name => "fixed";

        public IReadOnlyList<MetricSample> Collect(DateTimeOffset now) => fails
            ? throw new IOException("source unreadable")
            : Enumerable.Range(0, samples).Select(i => new MetricSample { Service = "svc", Replica = $"r{i}", Timestamp = now }).ToList();
    }

    private static IProducer<string?, byte[]> Producer(KafkaTestBroker broker) =>
        new ProducerBuilder<string?, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();

    private static MetricPublisherService Publisher(IMetricSource source, IProducer<string?, byte[]> producer, TimeProvider time, StageCounter counter) =>
        new(source, producer, new PublisherOptions(), time, NullLogger<MetricPublisherService>.Instance, counter);

    [Fact]
    public void PublishOnce_Delivered_CountsPublishedAndIsHealthy()
    {
        using var broker = KafkaTestBroker.Start();
        using var producer = Producer(broker);
        var (time, counter) = (new ManualTimeProvider(), new StageCounters().For("ingest"));

        Publisher(new FixedSource(3), producer, time, counter).PublishOnce();
        producer.Flush(TimeSpan.FromSeconds(10));

        Assert.Equal(3, counter.Published);
        Assert.Equal(time.GetUtcNow(), counter.LastPoll);
        Assert.True(StageHealthCheck.Evaluate("ingest", counter, time.GetUtcNow(), Stale).Healthy);
    }

    [Fact]
    public void PublishOnce_SourceFailing_IsNotAPollSoHealthGoesStale()
    {
        using var broker = KafkaTestBroker.Start();
        using var producer = Producer(broker);
        var (time, counter) = (new ManualTimeProvider(), new StageCounters().For("ingest"));
        Publisher(new FixedSource(1), producer, time, counter).PublishOnce();

        time.Advance(TimeSpan.FromSeconds(31));
        Publisher(new FixedSource(1, fails: true), producer, time, counter).PublishOnce();

        var status = StageHealthCheck.Evaluate("ingest", counter, time.GetUtcNow(), Stale);
        Assert.False(status.Healthy);
        Assert.Contains("last poll 31.0 s ago", status.Reason);
    }

    [Fact]
    public void PublishOnce_BrokerUnreachable_SampleLostMarksTheStageFailedWithTheReason()
    {
        // Nothing listens on port 1: librdkafka gives up on the message after message.timeout.ms.
        var config = new ProducerConfig { BootstrapServers = "127.0.0.1:1", MessageTimeoutMs = 500, SocketConnectionSetupTimeoutMs = 1000 };
        using var producer = new ProducerBuilder<string?, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        var time = new ManualTimeProvider();
        var counter = new StageCounters().For("ingest");

        Publisher(new FixedSource(1), producer, time, counter).PublishOnce();
        producer.Flush(TimeSpan.FromSeconds(10));

        Assert.Equal(0, counter.Published);
        Assert.Contains("metric sample for svc not delivered to", counter.FatalReason);
        Assert.False(StageHealthCheck.Evaluate("ingest", counter, time.GetUtcNow(), Stale).Healthy);
    }
}

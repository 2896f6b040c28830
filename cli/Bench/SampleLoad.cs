using System.Diagnostics;
using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;

namespace Pipeline.Cli.Bench;

/// <summary>
/// Produces metric samples of <c>services</c> services at a paced rate: rounds of one sample per service, each round
/// <c>interval</c> later in event time than the one before, so every service closes a window every few rounds.
/// </summary>
internal sealed class SampleLoad(string bootstrap, int services, double rate, TimeSpan interval)
{
    private long _produced;

    /// <summary>Samples handed to the producer so far.</summary>
    public long Produced => Interlocked.Read(ref _produced);

    /// <summary>Produces for <paramref name="duration"/> of wall time (or until cancelled), then flushes.</summary>
    public void Run(TimeSpan duration, CancellationToken cancellationToken)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 5, Acks = Acks.All, EnableIdempotence = true, ClientId = "bench-scale-load" };
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        long i = 0;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            for (; i < due; i++)
            {
                var service = $"svc-{i % services:00000}";
                var timestamp = start + interval * (i / services + 1);
                var sample = new MetricSample
                {
                    Service = service, Replica = $"{service}-0", Timestamp = timestamp, IntervalSeconds = interval.TotalSeconds,
                    Requests = 60, Completed = 60, Utilization = 0.4 + 0.2 * (i / services % 7) / 7, LatencySumMs = 60 * 120,
                };
                Produce(producer, service, JsonSerde<MetricSample>.Instance.Serialize(sample, default));
                Interlocked.Increment(ref _produced);
            }
            producer.Poll(TimeSpan.FromMilliseconds(5));
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private static void Produce(IProducer<string, byte[]> producer, string key, byte[] value)
    {
        while (true)
        {
            try
            {
                producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = key, Value = value });
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }
}

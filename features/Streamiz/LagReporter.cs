using Confluent.Kafka;
using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// Sets the stage's consumer lag once a second: the high watermarks of the partitions this process's tasks own (queried
/// with a consumer outside any group) minus their next offsets to process; unknown until a task processed a record.
/// </summary>
internal static class LagReporter
{
    public static async Task RunAsync(KafkaOptions kafka, PartitionPositions positions, StageCounter counter, CancellationToken stoppingToken)
    {
        var config = KafkaClientConfigs.WithClientProperties(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "pipeline-features-lag" }, kafka);
        using var watermarks = new ConsumerBuilder<byte[], byte[]>(config)
            .SetLogHandler((_, _) => { })
            .Build();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            long? lag = null;
            foreach (var (partition, next) in positions.Snapshot())
            {
                try
                {
                    var high = watermarks.QueryWatermarkOffsets(new TopicPartition(TopicNames.Metrics, partition), TimeSpan.FromSeconds(1)).High;
                    if (high != Offset.Unset) lag = (lag ?? 0) + Math.Max(0, high.Value - next);
                }
                catch (KafkaException)
                {
                    // Broker unreachable for now: this partition's lag is unknown this round.
                }
            }
            counter.SetLag(lag);
        }
    }
}

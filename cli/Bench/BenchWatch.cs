using Confluent.Kafka;
using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Cli.Bench;

/// <summary>
/// Counts feature windows and scale decisions as they appear (no consumer group, from the topics' ends at start) and
/// each decision's latency: its record timestamp minus its <see cref="OriginHeader"/>, as the demo measures it.
/// </summary>
internal sealed class BenchWatch : IDisposable
{
    private readonly IConsumer<string?, byte[]> _consumer;
    private readonly List<double> _latencies = [];
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _windows, _decisions;

    public BenchWatch(string bootstrap)
    {
        _consumer = new ConsumerBuilder<string?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = $"bench-scale-watch-{Guid.NewGuid():N}", EnableAutoCommit = false, FetchWaitMaxMs = 10,
        }).SetLogHandler((_, _) => { }).Build();
        var assignment = new List<TopicPartitionOffset>();
        foreach (var (topic, partitions) in TopicNames.All.Where(t => t.Name is TopicNames.Features or TopicNames.ScaleDecisions))
        {
            for (var p = 0; p < partitions; p++)
            {
                var tp = new TopicPartition(topic, p);
                assignment.Add(new TopicPartitionOffset(tp, _consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High));
            }
        }
        _consumer.Assign(assignment);
        _thread = new Thread(Read) { IsBackground = true, Name = "bench-scale-watch" };
        _thread.Start();
    }

    public long Windows => Interlocked.Read(ref _windows);
    public long Decisions => Interlocked.Read(ref _decisions);

    /// <summary>Decision latencies seen so far, in milliseconds.</summary>
    public IReadOnlyList<double> Latencies
    {
        get { lock (_latencies) return [.. _latencies]; }
    }

    private void Read()
    {
        while (!_stopped)
        {
            if (_consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { Message: { } message } record) continue;
            if (record.Topic == TopicNames.Features)
            {
                Interlocked.Increment(ref _windows);
                continue;
            }
            Interlocked.Increment(ref _decisions);
            if (OriginHeader.Read(message.Headers) is { } origin)
            {
                lock (_latencies) _latencies.Add((message.Timestamp.UtcDateTime - origin.UtcDateTime).TotalMilliseconds);
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join(TimeSpan.FromSeconds(5));
        _consumer.Close();
        _consumer.Dispose();
    }
}

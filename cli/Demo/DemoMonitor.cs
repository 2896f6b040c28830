using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;

namespace Pipeline.Cli.Demo;

/// <summary>
/// Reads the features, decision, actuation and dead-letter topics (no consumer group, from where they stood when the
/// demo started) into <see cref="DemoState"/>. Decision latency = the decision record's timestamp minus its
/// <see cref="OriginHeader"/> (when the sample that closed the window was produced); both are producer wall clocks.
/// </summary>
internal sealed class DemoMonitor : BackgroundService
{
    private static readonly string[] Topics =
        [TopicNames.Features, TopicNames.ScaleDecisions, TopicNames.RouteDecisions, TopicNames.Actuations, TopicNames.DeadLetters];

    private readonly IConsumer<string?, byte[]> _consumer;
    private readonly DemoState _state;
    private readonly Action<ScaleDecision>? _onDecision;

    /// <summary>Assigns every partition of the watched topics at its current end, so only this run's records are seen.</summary>
    public DemoMonitor(KafkaOptions options, DemoState state, Action<ScaleDecision>? onDecision)
    {
        _state = state;
        _onDecision = onDecision;
        _consumer = new ConsumerBuilder<string?, byte[]>(KafkaClientConfigs.WithClientProperties(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = $"demo-monitor-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            FetchWaitMaxMs = options.FetchWaitMaxMs,
        }, options)).SetLogHandler((_, _) => { }).Build();
        using var admin = new DependentAdminClientBuilder(_consumer.Handle).Build();
        var assignment = new List<TopicPartitionOffset>();
        foreach (var topic in admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Where(t => Topics.Contains(t.Topic)))
        {
            foreach (var p in topic.Partitions)
            {
                var tp = new TopicPartition(topic.Topic, p.PartitionId);
                assignment.Add(new TopicPartitionOffset(tp, _consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High));
            }
        }
        _consumer.Assign(assignment);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() =>
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var record = _consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (record?.Message?.Value is { } value) Observe(record, value);
            }
        }, stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Observe(ConsumeResult<string?, byte[]> record, byte[] value)
    {
        var input = new InputMessage(record.Topic, record.Partition.Value, record.Offset.Value, record.Message.Key, value,
            record.Message.Timestamp.UtcDateTime);
        switch (record.Topic)
        {
            case TopicNames.Features when MessageReader.TryRead<FeatureWindow>(input, out var window, out _):
                _state.OnWindow(window);
                break;
            case TopicNames.ScaleDecisions when MessageReader.TryRead<ScaleDecision>(input, out var decision, out _):
                var origin = OriginHeader.Read(record.Message.Headers);
                var latency = origin is { } o ? (record.Message.Timestamp.UtcDateTime - o.UtcDateTime).TotalMilliseconds : double.NaN;
                _state.OnScaleDecision(decision, latency);
                _onDecision?.Invoke(decision);
                break;
            case TopicNames.RouteDecisions:
                _state.OnRouteDecision();
                break;
            case TopicNames.Actuations:
                _state.OnActuation();
                break;
            case TopicNames.DeadLetters when MessageReader.TryRead<DeadLetter>(input, out var letter, out _):
                _state.OnDeadLetter(letter);
                break;
        }
    }

    public override void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
        base.Dispose();
    }
}

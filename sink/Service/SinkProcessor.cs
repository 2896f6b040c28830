using Pipeline.Contracts.Kafka.Streaming;
using Pipeline.Sink.Health;
using Pipeline.Sink.Influx;
using Pipeline.Sink.Mapping;

namespace Pipeline.Sink.Service;

/// <summary>
/// The sink stage: every record of every pipeline topic becomes InfluxDB points. Writing blocks while the writer's
/// buffer is full (nothing is dropped); offsets are committed only after the writer has flushed. A record that cannot
/// be mapped goes to the dead-letter topic (and is then written as a dead-letter point itself).
/// </summary>
public sealed class SinkProcessor(InfluxWriter writer, TopicCounters topics) : IStageProcessor
{
    public string Stage => "sink";

    public IReadOnlyList<string> InputTopics => TopicPointMapper.Topics;

    public void Process(InputMessage message, IStageOutput output)
    {
        if (!TopicPointMapper.TryMap(message, out var points, out var reason))
        {
            topics.Record(message.Topic, rejected: true);
            output.DeadLetter(reason);
            return;
        }
        topics.Record(message.Topic);
        writer.WriteAsync(points).AsTask().GetAwaiter().GetResult();
    }

    public void BeforeCommit() => writer.FlushAsync().GetAwaiter().GetResult();
}

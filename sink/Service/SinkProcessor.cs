using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Sink.Health;
using Pipeline.Sink.Influx;
using Pipeline.Sink.Mapping;

namespace Pipeline.Sink.Service;

/// <summary>
/// The sink stage: every record of every pipeline topic becomes InfluxDB points. Writing blocks while the writer's
/// buffer is full (nothing is dropped); offsets are committed only after the writer has flushed. While InfluxDB is down
/// the writer holds its batch and retries, the loop pauses consumption (<see cref="Backpressure"/>) and nothing is committed. A record that cannot
/// be mapped goes to the dead-letter topic (and is then written as a dead-letter point itself).
/// </summary>
public sealed class SinkProcessor(InfluxWriter writer, TopicCounters topics) : IStageProcessor
{
    public string Stage => "sink";

    public IReadOnlyList<string> InputTopics => TopicPointMapper.Topics;

    public void Process(InputMessage message, IStageOutput output)
    {
        // Consumer lag is measured against Kafka's record timestamps, which are wall-clock, so the wall clock is used
        // here even when the stages run on virtual time (health measurement, not decision code).
        var lag = TimeProvider.System.GetUtcNow() - message.Timestamp;
        if (!TopicPointMapper.TryMap(message, out var points, out var reason))
        {
            topics.Record(message.Topic, rejected: true, lag);
            output.DeadLetter(reason);
            return;
        }
        topics.Record(message.Topic, lag: lag);
        writer.WriteAsync(points).AsTask().GetAwaiter().GetResult();
    }

    public string? Backpressure => writer.Outage;

    public bool BeforeCommit() =>
        writer.Outage is null && writer.FlushAsync(writer.CommitFlushTimeout).GetAwaiter().GetResult();
}

using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// What a stage can read back when partitions are assigned to it (<see cref="IStageProcessor.PartitionsAssigned"/>):
/// where the group resumes them and the records already in any topic, to rebuild per-partition state. Reads go through
/// a consumer of their own outside the group, so they never move the stage's offsets.
/// </summary>
public interface ITopicHistory
{
    /// <summary>The offset the stage resumes <paramref name="partition"/> at: the group's committed offset, else the earliest retained.</summary>
    long ResumeOffset(TopicPartition partition);

    /// <summary>The timestamp of the record at <see cref="ResumeOffset"/>, or null when there is none yet (nothing to re-read).</summary>
    DateTimeOffset? ResumeTimestamp(TopicPartition partition);

    /// <summary>Reads the records of <paramref name="partition"/> stamped at or after <paramref name="since"/> and before offset <paramref name="until"/>, in offset order.</summary>
    void Read(TopicPartition partition, DateTimeOffset since, long until, Action<InputMessage> each);

    /// <summary>Reads the records of every partition of <paramref name="topic"/> stamped at or after <paramref name="since"/>, up to the end as of now.</summary>
    void ReadSince(string topic, DateTimeOffset since, Action<InputMessage> each);

    /// <summary>How far the clocks of the producers and the stages may disagree (widens <see cref="OutputsSince"/>).</summary>
    static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// From when outputs of the records the stage will re-read from <paramref name="partitions"/> can be stamped: the oldest
    /// <see cref="ResumeTimestamp"/> less <see cref="ClockSkew"/> (an output is produced after its input); null when nothing is re-read.
    /// </summary>
    DateTimeOffset? OutputsSince(IEnumerable<TopicPartition> partitions) =>
        partitions.Select(ResumeTimestamp).Where(t => t is not null).Min() - ClockSkew;
}

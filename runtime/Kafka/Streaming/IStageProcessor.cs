using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>The transform of a consume-transform-produce stage; <see cref="ConsumeTransformProduceLoop"/> owns the Kafka side.</summary>
public interface IStageProcessor
{
    /// <summary>Stage name: consumer group suffix and <see cref="Messages.DeadLetter.Stage"/>.</summary>
    string Stage { get; }

    /// <summary>Topics the stage consumes.</summary>
    IReadOnlyList<string> InputTopics { get; }

    /// <summary>Processes one record: publishes outputs, dead-letters it, or absorbs it into state. May throw; the loop dead-letters it then.</summary>
    void Process(InputMessage message, IStageOutput output);

    /// <summary>Called about once a second of processing time, with no message (e.g. to close idle windows); outputs only, no dead letters.</summary>
    void Tick(IStageOutput output)
    {
    }

    /// <summary>
    /// Called before offsets are committed, after the loop's Kafka outputs are delivered: finish side effects (e.g. an
    /// InfluxDB flush). False when they could not be finished now: the loop then commits nothing and tries again later.
    /// </summary>
    bool BeforeCommit() => true;

    /// <summary>
    /// Records processed before the loop commits (it also commits after <c>CommitInterval</c> of processing time and when
    /// a poll comes back empty). Each commit first waits for every output in flight and then for the broker, blocking the
    /// loop (about a millisecond on the embedded broker); a stage whose commit point is held back by state anyway can
    /// commit less often at no cost to what a restart re-reads.
    /// </summary>
    int CommitEveryRecords => 1000;

    /// <summary>
    /// Why the stage cannot take more input now (e.g. its InfluxDB is down), or null. While it is set the loop pauses
    /// its partitions but keeps polling (so the group keeps it), and <c>/healthz</c> answers 503 with the reason.
    /// </summary>
    string? Backpressure => null;

    /// <summary>
    /// Lowest offset of <paramref name="partition"/> still held in state without an output yet (e.g. samples in an open
    /// window), or null; offsets are committed no further than it, so a restart re-reads what was not yet emitted.
    /// </summary>
    long? HeldOffset(TopicPartition partition) => null;

    /// <summary>
    /// Partitions assigned to this instance (at start or in a rebalance), called before any of their records: rebuild
    /// their state, e.g. from <paramref name="history"/> (valid during the call only). The records from the committed
    /// offsets on are consumed as usual afterwards.
    /// </summary>
    void PartitionsAssigned(IReadOnlyList<TopicPartition> partitions, ITopicHistory history)
    {
    }

    /// <summary>
    /// Partitions this instance no longer owns: revoked after their outputs were delivered and what was complete was
    /// committed, or lost (no commit). Drop their state (another instance rebuilds it); emit nothing more for them.
    /// </summary>
    void PartitionsRevoked(IReadOnlyList<TopicPartition> partitions)
    {
    }

    /// <summary>
    /// Whether partition i of every input topic holds the same keys and the same instance must own them together (e.g.
    /// windows and the actuation results of the same services). The group then uses the range assignor (eager
    /// rebalances) instead of cooperative-sticky, which would split them.
    /// </summary>
    bool CoPartitioned => false;
}

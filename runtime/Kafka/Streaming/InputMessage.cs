namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>One consumed Kafka record, value still undeserialized.</summary>
public sealed record InputMessage(string Topic, int Partition, long Offset, string? Key, byte[] Value, DateTimeOffset Timestamp)
{
    /// <summary>
    /// When the record's lineage began: the <see cref="OriginHeader.Name"/> header, or the record's own timestamp when it has
    /// none (a metric sample). Outputs inherit it, so a decision carries the production time of the sample that triggered it.
    /// </summary>
    public DateTimeOffset Origin { get; init; } = Timestamp;
}

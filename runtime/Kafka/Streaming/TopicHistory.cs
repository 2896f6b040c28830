using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// <see cref="ITopicHistory"/> over a reader consumer of its own (assigned, never subscribed, never committing), created
/// on first use; the group consumer only answers committed offsets.
/// </summary>
internal sealed class TopicHistory(IConsumer<string?, byte[]> group, KafkaOptions options, string stage) : ITopicHistory, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private IConsumer<string?, byte[]>? _reader;

    /// <summary>Longest one read may take; past it the read stops with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    private IConsumer<string?, byte[]> Reader => _reader ??= HistoryReader.Create(options, stage);

    public long ResumeOffset(TopicPartition partition)
    {
        var committed = group.Committed([partition], Timeout).Single().Offset;
        var low = Reader.QueryWatermarkOffsets(partition, Timeout).Low;
        return Math.Max(committed.Value, Math.Max(low.Value, 0));
    }

    public DateTimeOffset? ResumeTimestamp(TopicPartition partition)
    {
        var offset = ResumeOffset(partition);
        if (offset >= Reader.QueryWatermarkOffsets(partition, Timeout).High.Value) return null;
        DateTimeOffset? first = null;
        HistoryReader.Drain(Reader, [new TopicPartitionOffset(partition, offset)], new() { [partition] = offset + 1 }, ReadTimeout,
            m => first ??= m.Timestamp);
        return first;
    }

    public void Read(TopicPartition partition, DateTimeOffset since, long until, Action<InputMessage> each)
    {
        var low = Reader.QueryWatermarkOffsets(partition, Timeout).Low.Value;
        if (Math.Max(low, 0) >= until) return;
        var starts = HistoryReader.OffsetsSince(Reader, [partition], since, Timeout);
        HistoryReader.Drain(Reader, starts, new() { [partition] = until }, ReadTimeout, m => { if (m.Timestamp >= since) each(m); });
    }

    public void ReadSince(string topic, DateTimeOffset since, Action<InputMessage> each)
    {
        var starts = HistoryReader.OffsetsSince(Reader, HistoryReader.Partitions(Reader, topic, Timeout), since, Timeout);
        var ends = starts.ToDictionary(s => s.TopicPartition, s => Reader.QueryWatermarkOffsets(s.TopicPartition, Timeout).High.Value);
        HistoryReader.Drain(Reader, starts, ends, ReadTimeout, m => { if (m.Timestamp >= since) each(m); });
    }

    public void Dispose()
    {
        _reader?.Close();
        _reader?.Dispose();
    }
}

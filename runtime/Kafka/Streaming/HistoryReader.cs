using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>The reads behind <see cref="TopicHistory"/>: a reader consumer, where a time starts in a topic, reading up to given ends.</summary>
internal static class HistoryReader
{
    /// <summary>A consumer for reads only: its group id is never joined nor committed to.</summary>
    public static IConsumer<string?, byte[]> Create(KafkaOptions options, string stage)
    {
        var config = KafkaClientConfigs.Consumer(options, stage, $"pipeline-{stage}-history");
        config.GroupId = $"{config.GroupId}.history";
        config.EnablePartitionEof = true;
        return new ConsumerBuilder<string?, byte[]>(config)
            .SetKeyDeserializer(Deserializers.Utf8)
            .SetValueDeserializer(Deserializers.ByteArray)
            .SetLogHandler((_, _) => { })
            .Build();
    }

    /// <summary>The partitions of <paramref name="topic"/>.</summary>
    public static List<TopicPartition> Partitions(IConsumer<string?, byte[]> reader, string topic, TimeSpan timeout)
    {
        using var admin = new DependentAdminClientBuilder(reader.Handle).Build();
        return admin.GetMetadata(topic, timeout).Topics.Single().Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
    }

    /// <summary>Per partition, the first offset stamped at or after <paramref name="since"/>, else its beginning (the caller filters by time).</summary>
    public static List<TopicPartitionOffset> OffsetsSince(IConsumer<string?, byte[]> reader, List<TopicPartition> partitions, DateTimeOffset since, TimeSpan timeout)
    {
        var stamp = new Timestamp(since.UtcDateTime, TimestampType.CreateTime);
        try
        {
            return reader.OffsetsForTimes(partitions.Select(p => new TopicPartitionTimestamp(p, stamp)), timeout)
                .Select(o => o.Offset.Value >= 0 ? o : new TopicPartitionOffset(o.TopicPartition, Offset.Beginning)).ToList();
        }
        catch (KafkaException)
        {
            // A broker without time lookups (the mock cluster): read from the beginning; the caller filters by time.
            return partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)).ToList();
        }
    }

    /// <summary>Reads from <paramref name="starts"/> until every partition reached its end offset (exclusive) or its end of log.</summary>
    public static void Drain(IConsumer<string?, byte[]> reader, List<TopicPartitionOffset> starts, Dictionary<TopicPartition, long> ends,
        TimeSpan timeout, Action<InputMessage> each)
    {
        var open = ends.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        if (open.Count == 0) return;
        reader.Assign(starts.Where(s => open.Contains(s.TopicPartition)));
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (open.Count > 0)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"history of {string.Join(',', open)} not read within {timeout.TotalSeconds:0} s");
                var r = reader.Consume(TimeSpan.FromMilliseconds(100));
                if (r is null || !open.Contains(r.TopicPartition)) continue;
                if (!r.IsPartitionEOF && r.Offset.Value < ends[r.TopicPartition]) each(Input(r));
                if (r.IsPartitionEOF || r.Offset.Value + 1 >= ends[r.TopicPartition]) open.Remove(r.TopicPartition);
            }
        }
        finally
        {
            reader.Unassign();
        }
    }

    private static InputMessage Input(ConsumeResult<string?, byte[]> r)
    {
        var timestamp = new DateTimeOffset(r.Message.Timestamp.UtcDateTime, TimeSpan.Zero);
        return new InputMessage(r.Topic, r.Partition.Value, r.Offset.Value, r.Message.Key, r.Message.Value ?? [], timestamp)
        {
            Origin = OriginHeader.Read(r.Message.Headers) ?? timestamp,
        };
    }
}

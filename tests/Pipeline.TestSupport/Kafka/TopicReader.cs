using System.Text.Json;
using Confluent.Kafka;
using Pipeline.Contracts.Serialization;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.TestSupport.Kafka;

/// <summary>One record read back from a topic.</summary>
public sealed record ReadRecord(string Topic, int Partition, long Offset, string? Key, byte[] Value)
{
    /// <summary>The value as a <typeparamref name="T"/> message.</summary>
    public T As<T>() => JsonSerializer.Deserialize<T>(Value, JsonDefaults.Options)!;

    /// <summary>The record's <c>pipeline-origin</c> header, when it has one.</summary>
    public DateTimeOffset? Origin { get; init; }
}

/// <summary>Reads a topic from its beginning without a consumer group, so tests never disturb stage offsets.</summary>
public sealed class TopicReader : IDisposable
{
    private readonly IConsumer<string?, byte[]> _consumer;
    private readonly List<ReadRecord> _records = [];

    public TopicReader(string bootstrapServers, string topic)
    {
        _consumer = new ConsumerBuilder<string?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 10,
        }).SetLogHandler((_, _) => { }).Build();
        using var admin = new DependentAdminClientBuilder(_consumer.Handle).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
        _consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)));
    }

    /// <summary>Every record read so far.</summary>
    public IReadOnlyList<ReadRecord> Records => _records;

    /// <summary>Reads until <paramref name="done"/> holds for the records read so far, or the timeout passes; returns whether it held.</summary>
    public bool ReadUntil(Func<IReadOnlyList<ReadRecord>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(_records))
        {
            if (DateTime.UtcNow > deadline) return false;
            var r = _consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (r?.Message is not null)
                _records.Add(new ReadRecord(r.Topic, r.Partition.Value, r.Offset.Value, r.Message.Key, r.Message.Value ?? [])
                {
                    Origin = OriginHeader.Read(r.Message.Headers),
                });
        }
        return true;
    }

    /// <summary>Reads for <paramref name="duration"/> whatever arrives.</summary>
    public void ReadFor(TimeSpan duration) => ReadUntil(_ => false, duration);

    public void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
    }
}

using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka;

/// <summary>Producer and consumer configurations with the pipeline's low-latency, at-least-once settings.</summary>
public static class KafkaClientConfigs
{
    /// <summary>An idempotent producer that acknowledges from all in-sync replicas and sends after at most <see cref="KafkaOptions.LingerMs"/>.</summary>
    public static ProducerConfig Producer(KafkaOptions options, string clientId) => WithClientProperties(new ProducerConfig
    {
        BootstrapServers = options.BootstrapServers,
        ClientId = clientId,
        Acks = Acks.All,
        EnableIdempotence = true,
        LingerMs = options.LingerMs,
        MessageMaxBytes = options.ProducerMessageMaxBytes,
    }, options);

    /// <summary>A consumer in group <c>{prefix}.{stage}</c> with manual commits, starting from the earliest offset when the group is new.</summary>
    public static ConsumerConfig Consumer(KafkaOptions options, string stage, string clientId) => WithClientProperties(new ConsumerConfig
    {
        BootstrapServers = options.BootstrapServers,
        GroupId = $"{options.GroupIdPrefix}.{stage}",
        ClientId = clientId,
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        FetchWaitMaxMs = options.FetchWaitMaxMs,
        SessionTimeoutMs = options.SessionTimeoutMs,
        HeartbeatIntervalMs = options.HeartbeatIntervalMs,
        PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
    }, options);

    /// <summary>An admin client of the same broker, with the same client properties.</summary>
    public static AdminClientConfig Admin(KafkaOptions options) =>
        WithClientProperties(new AdminClientConfig { BootstrapServers = options.BootstrapServers }, options);

    /// <summary>Sets every <see cref="KafkaOptions.ClientProperties"/> on <paramref name="config"/> (they win over the defaults above).</summary>
    public static T WithClientProperties<T>(T config, KafkaOptions options) where T : ClientConfig
    {
        foreach (var (key, value) in options.ClientProperties) config.Set(key, value);
        return config;
    }
}

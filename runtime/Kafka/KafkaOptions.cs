namespace Pipeline.Runtime.Kafka;

/// <summary>How every stage connects to Kafka. Bound from the <c>Kafka</c> configuration section.</summary>
public sealed class KafkaOptions
{
    /// <summary>Configuration section name (<c>Kafka__BootstrapServers</c> in the environment).</summary>
    public const string Section = "Kafka";

    /// <summary>Comma-separated broker addresses; resolved by <see cref="BootstrapResolver"/> when empty.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>Prefix of consumer group ids; each stage's group is <c>{prefix}.{stage}</c>.</summary>
    public string GroupIdPrefix { get; set; } = "pipeline";

    /// <summary>Longest a fetch waits for data on the broker; small values keep end-to-end latency low.</summary>
    public int FetchWaitMaxMs { get; set; } = 10;

    /// <summary>Consumer session timeout; short so a restarted stage gets its partitions back quickly.</summary>
    public int SessionTimeoutMs { get; set; } = 6000;

    /// <summary>Consumer heartbeat interval (below a third of the session timeout).</summary>
    public int HeartbeatIntervalMs { get; set; } = 1000;

    /// <summary>Producer batching delay.</summary>
    public double LingerMs { get; set; } = 1;

    /// <summary>
    /// librdkafka properties given to every client after the pipeline's own settings (so they win): security
    /// (<c>security.protocol</c>, <c>sasl.*</c>, <c>ssl.*</c>) and any tuning; read from <c>--kafka-config FILE</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientProperties { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Largest value accepted on <see cref="Pipeline.Contracts.Topics.TopicNames.Metrics"/>, the topic outside producers
    /// write (a sample is under 2 KiB); bigger ones go to the dead-letter topic.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest value on the topics the stages write (feature windows, decisions, actuations, dead letters): a stage does
    /// not publish a bigger one (it dead-letters it with the reason) and does not read one. The default (960 KiB) holds a
    /// window of the default 1,000 replicas with room to spare, and with the producer's overhead stays under the 1 MB
    /// <c>message.max.bytes</c> of librdkafka and of a Kafka broker with default settings.
    /// </summary>
    public int MaxStageMessageBytes { get; set; } = 960 * 1024;

    /// <summary>The value limit of <paramref name="topic"/>: <see cref="MaxMessageBytes"/> for metrics, else <see cref="MaxStageMessageBytes"/>.</summary>
    public int LimitFor(string topic) =>
        topic == Pipeline.Contracts.Topics.TopicNames.Metrics ? MaxMessageBytes : MaxStageMessageBytes;

    /// <summary>The producer's <c>message.max.bytes</c>: the largest value any topic takes plus room for key and headers.</summary>
    public int ProducerMessageMaxBytes => Math.Max(1_000_000, Math.Max(MaxMessageBytes, MaxStageMessageBytes) + 16 * 1024);
}

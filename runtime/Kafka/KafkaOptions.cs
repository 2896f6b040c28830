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

    /// <summary>Largest message value a stage accepts; bigger ones go to the dead-letter topic.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;
}

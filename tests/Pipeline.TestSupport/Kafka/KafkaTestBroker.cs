using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Embedded;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Contracts.Topics;

namespace Pipeline.TestSupport.Kafka;

/// <summary>
/// The broker an integration test talks to: the broker named by <c>KAFKA_BOOTSTRAP_SERVERS</c> when set, else a fresh
/// embedded librdkafka mock cluster. Either way the pipeline's topics exist.
/// </summary>
public sealed class KafkaTestBroker : IDisposable
{
    private readonly EmbeddedKafkaCluster? _embedded;

    private KafkaTestBroker(string bootstrapServers, EmbeddedKafkaCluster? embedded)
    {
        BootstrapServers = bootstrapServers;
        _embedded = embedded;
    }

    public string BootstrapServers { get; }

    /// <summary><c>embedded</c> or <c>external</c>.</summary>
    public string Kind => _embedded is null ? "external" : "embedded";

    /// <summary>Starts (or connects to) a broker and makes sure the pipeline's topics exist.</summary>
    public static KafkaTestBroker Start()
    {
        var external = Environment.GetEnvironmentVariable(BootstrapResolver.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            TopicProvisioner.EnsureAsync(external, TopicNames.All).GetAwaiter().GetResult();
            return new KafkaTestBroker(external, null);
        }
        var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopics(TopicNames.All);
        return new KafkaTestBroker(cluster.BootstrapServers, cluster);
    }

    /// <summary>Options for a stage under test; a unique group prefix keeps runs on a shared external broker apart.</summary>
    public KafkaOptions Options(string? groupIdPrefix = null) => new()
    {
        BootstrapServers = BootstrapServers,
        GroupIdPrefix = groupIdPrefix ?? $"test-{Guid.NewGuid():N}",
    };

    /// <summary>Takes every broker of the embedded cluster down or back up (drills); throws on an external broker.</summary>
    public void SetBrokersUp(bool up) =>
        (_embedded ?? throw new InvalidOperationException("a broker outage needs the embedded broker (KAFKA_BOOTSTRAP_SERVERS is set)")).SetAllBrokersUp(up);

    public void Dispose() => _embedded?.Dispose();
}

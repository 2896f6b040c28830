using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Embedded;

/// <summary>
/// librdkafka's in-memory mock cluster, hosted by a Confluent.Kafka producer created with <c>test.mock.num.brokers</c>.
/// Other clients and processes (and <c>kcat</c>) reach it through <see cref="BootstrapServers"/>. It lives as long as
/// this object. Limits: no AdminClient topic creation (use <see cref="CreateTopic"/>), ~5 MiB kept per partition,
/// no transactional isolation.
/// </summary>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    private readonly IProducer<byte[], byte[]> _owner;
    private readonly IntPtr _cluster;

    private EmbeddedKafkaCluster(IProducer<byte[], byte[]> owner, IntPtr cluster, string bootstrapServers, int brokers)
    {
        _owner = owner;
        _cluster = cluster;
        BootstrapServers = bootstrapServers;
        Brokers = brokers;
    }

    /// <summary>Number of mock brokers (ids 1..<see cref="Brokers"/>).</summary>
    public int Brokers { get; }

    /// <summary>
    /// Takes every broker down (connections closed, new ones refused) or brings them all back: a broker outage for
    /// drills. Data and committed offsets survive it (the cluster stays in memory).
    /// </summary>
    public void SetAllBrokersUp(bool up)
    {
        for (var id = 1; id <= Brokers; id++)
        {
            var error = up ? LibrdkafkaMock.SetBrokerUp(_cluster, id) : LibrdkafkaMock.SetBrokerDown(_cluster, id);
            if (error != 0) throw new KafkaException(new Error((ErrorCode)error, $"rd_kafka_mock_broker_set_{(up ? "up" : "down")}({id}) failed"));
        }
    }

    /// <summary>Comma-separated loopback addresses of the mock brokers.</summary>
    public string BootstrapServers { get; }

    /// <summary>Starts a mock cluster with <paramref name="brokers"/> brokers and an immediate initial group rebalance.</summary>
    public static EmbeddedKafkaCluster Start(int brokers = 3)
    {
        var config = new ProducerConfig { ClientId = "pipeline-embedded-broker" };
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        config.Set("log_level", "4");
        var owner = new ProducerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        try
        {
            var cluster = LibrdkafkaMock.ClusterOf(owner);
            LibrdkafkaMock.SetInitialRebalanceDelay(cluster, 0);
            LibrdkafkaMock.SetController(cluster, 1);
            using var admin = new DependentAdminClientBuilder(owner.Handle).Build();
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
            var servers = string.Join(',', metadata.Brokers.OrderBy(b => b.BrokerId).Select(b => $"{b.Host}:{b.Port}"));
            return new EmbeddedKafkaCluster(owner, cluster, servers, brokers);
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    /// <summary>Creates a topic with <paramref name="partitions"/> partitions; an existing topic is left as is.</summary>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        var error = LibrdkafkaMock.CreateTopic(_cluster, name, partitions, replicationFactor);
        if (error != 0 && error != (int)ErrorCode.TopicAlreadyExists)
            throw new KafkaException(new Error((ErrorCode)error, $"rd_kafka_mock_topic_create({name}) failed"));
    }

    /// <summary>Creates every topic of a list.</summary>
    public void CreateTopics(IEnumerable<(string Name, int Partitions)> topics)
    {
        foreach (var (name, partitions) in topics) CreateTopic(name, partitions);
    }

    public void Dispose() => _owner.Dispose();
}

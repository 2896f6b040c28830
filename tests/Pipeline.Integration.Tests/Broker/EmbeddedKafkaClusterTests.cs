using Confluent.Kafka;
using Pipeline.Runtime.Kafka.Embedded;
using Pipeline.Contracts.Topics;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Broker;

public sealed class EmbeddedKafkaClusterTests
{
    [Fact]
    public void CreateTopics_PipelineTopics_ListedWithTheirPartitionCounts()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopics(TopicNames.All);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var topics = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.ToDictionary(t => t.Topic, t => t.Partitions.Count);

        Assert.Equal(3, cluster.BootstrapServers.Split(',').Length);
        foreach (var (name, partitions) in TopicNames.All) Assert.Equal(partitions, topics[name]);
    }

    [Fact]
    public void Produce_ThroughBootstrapAddress_ConsumedInKeyOrder()
    {
        using var broker = KafkaTestBroker.Start();
        var service = $"svc-{Guid.NewGuid():N}";
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            for (var i = 0; i < 100; i++) producer.Produce(TopicNames.Metrics, new Message<string, string> { Key = service, Value = $"{i}" });
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
        }

        using var reader = new TopicReader(broker.BootstrapServers, TopicNames.Metrics);
        var found = reader.ReadUntil(r => r.Count(x => x.Key == service) == 100, TimeSpan.FromSeconds(20));

        Assert.True(found, $"read {reader.Records.Count(x => x.Key == service)} of 100 records");
        var values = reader.Records.Where(r => r.Key == service).Select(r => int.Parse(System.Text.Encoding.UTF8.GetString(r.Value))).ToList();
        Assert.Equal(Enumerable.Range(0, 100), values);
    }
}

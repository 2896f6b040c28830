using Confluent.Kafka;
using Pipeline.Runtime.Kafka;
using Pipeline.Contracts.Topics;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Broker;

public sealed class BrokerCommandTests
{
    [Fact]
    public void Broker_AsSeparateProcess_WritesBootstrapFileAndServesTopics()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pipeline-bootstrap-{Guid.NewGuid():N}");
        using var broker = PipelineProcess.Start(["broker", "--bootstrap-file", file],
            new Dictionary<string, string> { [BootstrapResolver.EnvironmentVariable] = "", ["Kafka__BootstrapServers"] = "" });
        Assert.True(broker.WaitForOutput("press Ctrl+C", TimeSpan.FromSeconds(30)), broker.Output);

        var bootstrap = BootstrapFile.TryRead(file);
        Assert.NotNull(bootstrap);
        Assert.Contains(bootstrap, broker.Output);

        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            producer.Produce(TopicNames.Features, new Message<string, string> { Key = "checkout", Value = "hello" });
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
        }
        using var reader = new TopicReader(bootstrap, TopicNames.Features);
        Assert.True(reader.ReadUntil(r => r.Count > 0, TimeSpan.FromSeconds(20)));
        Assert.Equal("checkout", reader.Records[0].Key);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var metrics = admin.GetMetadata(TopicNames.Metrics, TimeSpan.FromSeconds(10)).Topics.Single();
        Assert.Equal(TopicNames.All.Single(t => t.Name == TopicNames.Metrics).Partitions, metrics.Partitions.Count);
    }
}

using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Kafka;
using Testcontainers.Kafka;

namespace Pipeline.Integration.Tests.Broker;

/// <summary>The features stage against a real Apache Kafka broker in a container; runs only where a Docker engine answers.</summary>
public sealed class TestcontainersKafkaTests
{
    [DockerFact]
    public async Task FeaturesStage_OnRealKafkaContainer_PublishesWindows()
    {
        await using var container = new KafkaBuilder("confluentinc/cp-kafka:7.5.12").Build();
        await container.StartAsync();
        var bootstrap = container.GetBootstrapAddress();
        var created = await TopicProvisioner.EnsureAsync(bootstrap, TopicNames.All);
        Assert.Equal(TopicNames.All.Count, created.Count);

        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(new KafkaOptions { BootstrapServers = bootstrap, GroupIdPrefix = "tc" });
            s.AddSingleton(new WindowingOptions());
            s.AddStage<FeaturesProcessor>();
        });
        await host.StartAsync();
        try
        {
            var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
            {
                for (var s = 1; s <= 40; s++)
                {
                    var sample = new MetricSample { Service = "tc", Replica = "tc-0", Timestamp = t0.AddSeconds(s), Requests = 3, Completed = 3 };
                    producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = "tc", Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) });
                }
                Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
            }
            using var windows = new TopicReader(bootstrap, TopicNames.Features);
            Assert.True(windows.ReadUntil(r => r.Count >= 2, TimeSpan.FromSeconds(60)));
            Assert.Equal(15, windows.Records[0].As<FeatureWindow>().SampleCount);
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }
    }
}

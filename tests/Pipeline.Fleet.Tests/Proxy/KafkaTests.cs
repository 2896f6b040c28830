using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Fleet.Proxy;
using Pipeline.Fleet.Replica;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Fleet.Tests.Proxy;

/// <summary>The proxy on a real Kafka client: the embedded broker, or the one <c>KAFKA_BOOTSTRAP_SERVERS</c> names.</summary>
public sealed class KafkaTests
{
    [Fact]
    public async Task Proxy_WithKafka_PublishesSamplesAndAppliesRouteDecisions()
    {
        using var broker = KafkaTestBroker.Start();
        var service = $"web-{Guid.NewGuid():N}"[..12];
        var replica = new ReplicaOptions { Workers = 8, ServiceMean = TimeSpan.FromMilliseconds(2) };
        await using var fleet = await Fleet.StartAsync(new ProxyOptions
        {
            Service = service,
            Balancer = ProxyBalancerNames.Learned,
            BootstrapServers = broker.BootstrapServers,
            MetricsInterval = TimeSpan.FromMilliseconds(200),
        }, replica, replica);
        await fleet.Proxy.LoadAsync(40, clients: 2);

        using var reader = new TopicReader(broker.BootstrapServers, TopicNames.Metrics);
        var found = reader.ReadUntil(records => Samples(records, service).Select(s => s.Replica).Distinct().Count() == 2
            && Samples(records, service).Sum(s => s.Completed) == 40, TimeSpan.FromSeconds(30));
        Assert.True(found, $"samples read: {reader.Records.Count}");
        Assert.All(reader.Records.Where(r => r.Key == service), r => Assert.Equal(service, r.As<MetricSample>().Service));

        using var producer = new ProducerBuilder<string?, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var decision = new RouteDecision
        {
            Id = "d1", Service = service, Timestamp = DateTimeOffset.UtcNow, Policy = "learned",
            Weights = new Dictionary<string, double> { ["r1"] = 0, ["r2"] = 4 }, Explanation = "test",
        };
        await producer.ProduceAsync(TopicNames.RouteDecisions, new Message<string?, byte[]>
        {
            Key = service, Value = JsonSerde<RouteDecision>.Instance.Serialize(decision, default),
        });

        var applied = false;
        for (var i = 0; i < 300 && !applied; i++)
        {
            var weights = (await fleet.Proxy.DestinationsAsync()).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("weight").GetDouble());
            applied = weights["r1"] == 0 && weights["r2"] == 4;
            if (!applied) await Task.Delay(50);
        }
        Assert.True(applied, "the route decision's weights were not applied");
        var before = await fleet.CompletedAsync();
        await fleet.Proxy.LoadAsync(30, clients: 2);
        var after = await fleet.CompletedAsync();
        Assert.Equal((0L, 30L), (after[0] - before[0], after[1] - before[1])); // weight 0: no new traffic
    }

    private static IEnumerable<MetricSample> Samples(IReadOnlyList<ReadRecord> records, string service) =>
        records.Where(r => r.Key == service).Select(r => r.As<MetricSample>());
}

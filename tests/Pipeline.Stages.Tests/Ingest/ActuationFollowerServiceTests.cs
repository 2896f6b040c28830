using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Ingest.Simulation;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Load;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Stages.Tests.Ingest;

/// <summary>The simulated cluster's follower of actuation results, on the embedded broker.</summary>
public sealed class ActuationFollowerServiceTests
{
    [Fact]
    public async Task Run_GarbageThenAppliedResult_CountsTheGarbageAndAppliesTheResult()
    {
        using var broker = KafkaTestBroker.Start();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var cluster = new SimulatedCluster(new SimulatedClusterOptions { Start = start, Seed = 1 },
            [new ServiceOptions { Name = "web", Load = new ConstantLoadProfile(10), InitialReplicas = 2 }]);
        using var follower = new ActuationFollowerService(cluster, broker.Options(), NullLogger<ActuationFollowerService>.Instance);
        using var producer = new ProducerBuilder<string?, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var applied = new ActuationResult
        {
            DecisionId = "d1", Kind = "scale", Service = "web", Target = "simulator", Timestamp = start,
            Status = ActuationStatuses.Applied, PreviousReplicas = 2, AppliedReplicas = 5,
        };
        await follower.StartAsync(CancellationToken.None);
        try
        {
            // The follower reads from the latest offset once assigned: keep sending the pair until the result lands.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (DateTime.UtcNow < deadline && Desired(cluster) != 5)
            {
                producer.Produce(TopicNames.Actuations, new Message<string?, byte[]> { Key = "web", Value = Encoding.UTF8.GetBytes("{not json") });
                producer.Produce(TopicNames.Actuations, new Message<string?, byte[]> { Key = "web", Value = JsonSerde<ActuationResult>.Instance.Serialize(applied, default) });
                producer.Flush(TimeSpan.FromSeconds(5));
                await Task.Delay(300);
            }

            Assert.Equal(5, Desired(cluster));
            Assert.True(follower.Unreadable >= 1, $"unreadable {follower.Unreadable}");
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Run_NegativeAndHugeAppliedReplicas_CountedSkippedAndLaterResultStillApplied()
    {
        using var broker = KafkaTestBroker.Start();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var cluster = new SimulatedCluster(new SimulatedClusterOptions { Start = start, Seed = 1 },
            [new ServiceOptions { Name = "web", Load = new ConstantLoadProfile(10), InitialReplicas = 2 }]);
        using var follower = new ActuationFollowerService(cluster, broker.Options(), NullLogger<ActuationFollowerService>.Instance);
        using var producer = new ProducerBuilder<string?, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        ActuationResult Result(string id, int replicas) => new()
        {
            DecisionId = id, Kind = "scale", Service = "web", Target = "simulator", Timestamp = start,
            Status = ActuationStatuses.Applied, PreviousReplicas = 2, AppliedReplicas = replicas,
        };
        await follower.StartAsync(CancellationToken.None);
        try
        {
            // Forged results first, then a valid one, repeated until the valid one lands (the follower starts at the latest offset).
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (DateTime.UtcNow < deadline && Desired(cluster) != 4)
            {
                foreach (var result in new[] { Result("neg", -3), Result("huge", int.MaxValue), Result("ok", 4) })
                    producer.Produce(TopicNames.Actuations, new Message<string?, byte[]> { Key = "web", Value = JsonSerde<ActuationResult>.Instance.Serialize(result, default) });
                producer.Flush(TimeSpan.FromSeconds(5));
                await Task.Delay(300);
            }

            Assert.Equal(4, Desired(cluster));
            Assert.True(follower.Invalid >= 2, $"invalid {follower.Invalid}");
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Run_AppliedRouteResult_AppliesTheWeightsItCarries()
    {
        using var broker = KafkaTestBroker.Start();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var cluster = new SimulatedCluster(new SimulatedClusterOptions { Start = start, Seed = 1 },
            [new ServiceOptions { Name = "web", Load = new ConstantLoadProfile(10), InitialReplicas = 2 }]);
        string[] names;
        lock (cluster) names = [.. cluster.Snapshot("web").Replicas.Select(r => r.Name)];
        using var follower = new ActuationFollowerService(cluster, broker.Options(), NullLogger<ActuationFollowerService>.Instance);
        using var producer = new ProducerBuilder<string?, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var route = new ActuationResult
        {
            DecisionId = "r1", Kind = "route", Service = "web", Target = "simulator", Timestamp = start,
            Status = ActuationStatuses.Applied, PreviousReplicas = 2, AppliedReplicas = 2,
            Weights = new Dictionary<string, double> { [names[0]] = 0.25, [names[1]] = 3 },
        };
        await follower.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (DateTime.UtcNow < deadline && Weight(cluster, names[1]) != 3)
            {
                producer.Produce(TopicNames.Actuations, new Message<string?, byte[]> { Key = "web", Value = JsonSerde<ActuationResult>.Instance.Serialize(route, default) });
                producer.Flush(TimeSpan.FromSeconds(5));
                await Task.Delay(300);
            }

            Assert.Equal((0.25, 3.0), (Weight(cluster, names[0]), Weight(cluster, names[1])));
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
        }
    }

    private static double Weight(SimulatedCluster cluster, string replica)
    {
        lock (cluster) return cluster.Snapshot("web").Replicas.Single(r => r.Name == replica).Weight;
    }

    private static int Desired(SimulatedCluster cluster)
    {
        lock (cluster) return cluster.Counts("web").Desired;
    }
}

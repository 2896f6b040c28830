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
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_GarbageThenAppliedResult_CountsTheGarbageAndAppliesTheResult()
    {
        var cluster = Cluster();
        var follower = await FollowAsync(cluster, () => Desired(cluster) == 5,
            Encoding.UTF8.GetBytes("{not json"), Json(Scale("d1", 5)));

        Assert.Equal(5, Desired(cluster));
        Assert.True(follower.Unreadable >= 1, $"unreadable {follower.Unreadable}");
    }

    [Fact]
    public async Task Run_NegativeAndHugeAppliedReplicas_CountedSkippedAndLaterResultStillApplied()
    {
        var cluster = Cluster();
        var follower = await FollowAsync(cluster, () => Desired(cluster) == 4,
            Json(Scale("neg", -3)), Json(Scale("huge", int.MaxValue)), Json(Scale("ok", 4)));

        Assert.Equal(4, Desired(cluster));
        Assert.True(follower.Invalid >= 2, $"invalid {follower.Invalid}");
    }

    [Fact]
    public async Task Run_AppliedRouteResult_AppliesTheWeightsItCarries()
    {
        var cluster = Cluster();
        string[] names;
        lock (cluster) names = [.. cluster.Snapshot("web").Replicas.Select(r => r.Name)];
        var route = Scale("r1", 2) with { Kind = "route", Weights = new Dictionary<string, double> { [names[0]] = 0.25, [names[1]] = 3 } };

        await FollowAsync(cluster, () => Weight(cluster, names[1]) == 3, Json(route));

        Assert.Equal((0.25, 3.0), (Weight(cluster, names[0]), Weight(cluster, names[1])));
    }

    /// <summary>
    /// Runs a follower of <paramref name="cluster"/> and sends <paramref name="records"/> (in order) on the actuations
    /// topic every 300 ms until <paramref name="done"/> holds or 30 s pass: the follower reads from the latest offset once
    /// assigned, so the first sends may come before it listens. Returns the stopped follower, for its counters.
    /// </summary>
    private static async Task<ActuationFollowerService> FollowAsync(SimulatedCluster cluster, Func<bool> done, params byte[][] records)
    {
        using var broker = KafkaTestBroker.Start();
        var follower = new ActuationFollowerService(cluster, broker.Options(), NullLogger<ActuationFollowerService>.Instance);
        using var producer = new ProducerBuilder<string?, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        await follower.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (DateTime.UtcNow < deadline && !done())
            {
                foreach (var value in records) producer.Produce(TopicNames.Actuations, new Message<string?, byte[]> { Key = "web", Value = value });
                producer.Flush(TimeSpan.FromSeconds(5));
                await Task.Delay(300);
            }
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
            follower.Dispose();
        }
        return follower;
    }

    private static SimulatedCluster Cluster() => new(new SimulatedClusterOptions { Start = Start, Seed = 1 },
        [new ServiceOptions { Name = "web", Load = new ConstantLoadProfile(10), InitialReplicas = 2 }]);

    private static ActuationResult Scale(string id, int replicas) => new()
    {
        DecisionId = id, Kind = "scale", Service = "web", Target = "simulator", Timestamp = Start,
        Status = ActuationStatuses.Applied, PreviousReplicas = 2, AppliedReplicas = replicas,
    };

    private static byte[] Json(ActuationResult result) => JsonSerde<ActuationResult>.Instance.Serialize(result, default);

    private static double Weight(SimulatedCluster cluster, string replica)
    {
        lock (cluster) return cluster.Snapshot("web").Replicas.Single(r => r.Name == replica).Weight;
    }

    private static int Desired(SimulatedCluster cluster)
    {
        lock (cluster) return cluster.Counts("web").Desired;
    }
}

using Pipeline.Cli.Commands;
using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Embedded;

namespace Pipeline.Integration.Tests.Features;

/// <summary>
/// <c>pipeline features-bench --floors</c>: the lower bounds run on the real loop against the embedded broker and do what
/// they claim: read every sample, and publish exactly the windows the features stage closes over the same records.
/// </summary>
public class FeaturesBenchFloorsTests
{
    /// <summary>300 samples of 10 services, one replica every 5 s: each service closes 9 windows of 15 s (90 in all).</summary>
    [Fact]
    public void Schedule_SmallFleet_HoldsTheWindowsTheStageCloses()
    {
        var records = FeaturesBench.Records(300, 10, 1, 5);

        var schedule = new FeaturesBenchFloors.WindowSchedule(records);

        Assert.Equal(90, schedule.Windows);
        Assert.Equal(90, Enumerable.Range(0, 300).Sum(i => schedule.After(i).Length));
        Assert.Empty(schedule.After(300));
        Assert.Equal(0, FeaturesBenchFloors.WindowSchedule.None.Windows);
        Assert.True(schedule.SerializeMicroseconds() > 0);
    }

    [Fact]
    public async Task Floors_OnTheEmbeddedBroker_ReadEverySampleAndPublishTheScheduledWindows()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopics(TopicNames.All);
        FeaturesBench.Produce(cluster.BootstrapServers, 300, 10, 1, 5);
        var schedule = new FeaturesBenchFloors.WindowSchedule(FeaturesBench.Records(300, 10, 1, 5));
        KafkaOptions Fresh() => new() { BootstrapServers = cluster.BootstrapServers, GroupIdPrefix = $"floor-{Guid.NewGuid():N}"[..14] };

        var runs = new List<FeaturesStageRun>();
        foreach (var (_, register) in FeaturesBenchFloors.Stages(schedule)) runs.Add(await FeaturesBench.Stage(Fresh(), register, 300));
        var (loop, read, contract) = (runs[0], runs[1], runs[2]);

        Assert.False(double.IsNaN(loop.Seconds), "the loop-only floor did not consume every sample");
        Assert.Equal(0, loop.Windows);
        Assert.False(double.IsNaN(read.Seconds), "the read floor did not consume every sample");
        Assert.Equal(0, read.Windows);
        Assert.False(double.IsNaN(contract.Seconds), "the contract floor did not consume every sample");
        Assert.Equal(90, contract.Windows);
    }
}

using Pipeline.Contracts.Messages;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Load;

namespace Pipeline.Simulator.Tests.Cluster;

public class SampleRecycleTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SimulatedCluster Create() =>
        new(new SimulatedClusterOptions { Start = T0, Seed = 11 },
            [new ServiceOptions
            {
                Name = "web",
                Load = new ConstantLoadProfile(60),
                Balancer = BalancerNames.LeastRequest,
                ServiceTime = ServiceTimeDistribution.LogNormal(0.1, 0.5),
                Workers = 2,
                InitialReplicas = 3,
            }]);

    [Fact]
    public void Recycle_EverySecond_SamplesAsWithoutItAndHistogramsReused()
    {
        var plain = Create();
        var recycling = Create();
        var seen = new HashSet<long[]>(ReferenceEqualityComparer.Instance);
        var reused = 0;
        for (var second = 1; second <= 30; second++)
        {
            plain.AdvanceTo(T0.AddSeconds(second));
            recycling.AdvanceTo(T0.AddSeconds(second));
            var expected = plain.DrainSamples();
            var actual = recycling.DrainSamples();

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Replica, actual[i].Replica);
                Assert.Equal(expected[i].Completed, actual[i].Completed);
                Assert.Equal(expected[i].LatencyCounts, actual[i].LatencyCounts);
                if (actual[i].LatencyCounts.Length > 0 && !seen.Add(actual[i].LatencyCounts)) reused++;
            }
            recycling.Recycle(actual);
        }
        Assert.True(reused > 0, "no histogram was handed out twice");
        Assert.True(plain.DrainSamples().Count == 0 && recycling.DrainSamples().Count == 0);
    }

    [Fact]
    public void Recycle_AStaleListTheClusterFillsAgain_Ignored()
    {
        var cluster = Create();
        cluster.AdvanceTo(T0.AddSeconds(2));
        var drained = cluster.DrainSamples();
        cluster.Recycle(drained);
        cluster.AdvanceTo(T0.AddSeconds(4));
        cluster.DrainSamples(); // from here on the recycled list is the one filling
        cluster.AdvanceTo(T0.AddSeconds(6));

        cluster.Recycle(drained); // stale
        var next = cluster.DrainSamples();

        Assert.Same(drained, next);
        Assert.Equal(6, next.Count);
        Assert.All(next, s => Assert.Equal(s.Completed - s.Errors, s.LatencyCounts.Sum()));
        Assert.Contains(next, s => s.Completed > 0);
    }
}

using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Tests.Balancing;

public sealed class WeightedBalancerTests
{
    [Fact]
    public void Pick_IdleHostsWithWeights_SharesFollowTheWeights()
    {
        var replicas = Hosts.Create("a", "b", "c");
        replicas[0].Weight = 3;
        replicas[1].Weight = 1;
        replicas[2].Weight = 0;
        var balancer = new WeightedBalancer(SimRandom.Stream(1, 1));
        var counts = new int[3];

        for (var i = 0; i < 400; i++) counts[balancer.Pick(Hosts.Views(replicas), i)]++;

        Assert.InRange(counts[0], 295, 305);
        Assert.InRange(counts[1], 95, 105);
        Assert.Equal(0, counts[2]);
    }

    [Fact]
    public void Pick_BusyHeavyHost_ActiveRequestsLowerItsShare()
    {
        var replicas = Hosts.Create("a", "b");
        replicas[0].Weight = 3;
        replicas[1].Weight = 1;
        replicas[0].Busy = 5; // effective weight 3 / 6 = 0.5 < 1
        var balancer = new WeightedBalancer(SimRandom.Stream(1, 1));
        var counts = new int[2];

        for (var i = 0; i < 300; i++) counts[balancer.Pick(Hosts.Views(replicas), i)]++;

        Assert.InRange(counts[0], 95, 105);
        Assert.InRange(counts[1], 195, 205);
    }

    [Fact]
    public void EffectiveWeight_EnvoyForm()
    {
        Assert.Equal(2.0, WeightedLeastRequest.EffectiveWeight(6, 2, 1));
        Assert.Equal(6 / Math.Pow(3, 0.5), WeightedLeastRequest.EffectiveWeight(6, 2, 0.5), 12);
        Assert.Equal(6.0, WeightedLeastRequest.EffectiveWeight(6, 2, 0));
    }
}

using Pipeline.Predictor.Queueing;
using Pipeline.Simulator.Queueing;

namespace Pipeline.Simulator.Tests.Queueing;

/// <summary>Pooled sizing: economies of scale (more replicas run hotter) and never more than per-replica sizing.</summary>
public class PooledSlaSizingTests
{
    private static readonly ServiceTimeModel Service = ServiceTimeModel.For(0.2, 0.5);

    [Fact]
    public void ReplicasFor_OneReplica_SameAsPerReplicaModel()
    {
        var sizing = new PooledSlaSizing(Service, 4, 1.0, 0.001, 40);
        var rho = SlaCapacity.MaxUtilization(Service, 4, 1.0, 0.001)!.Value;

        Assert.Equal(1, sizing.ReplicasFor(rho * 20 * 0.999));
        Assert.Equal(2, sizing.ReplicasFor(rho * 20 * 1.001));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(300)]
    public void ReplicasFor_ManyReplicas_FewerThanPerReplicaAndAboveUtilizationOne(double rate)
    {
        var sizing = new PooledSlaSizing(Service, 4, 1.0, 0.001, 60);
        var rho = SlaCapacity.MaxUtilization(Service, 4, 1.0, 0.001)!.Value;

        var n = sizing.ReplicasFor(rate);

        Assert.True(n < Math.Ceiling(rate / (rho * 20)));
        Assert.True(n >= Math.Ceiling(rate / 20));
    }
}

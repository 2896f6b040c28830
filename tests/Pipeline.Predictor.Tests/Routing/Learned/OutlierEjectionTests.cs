using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Predictor.Tests.Routing.Learned;

public sealed class OutlierEjectionTests
{
    [Theory]
    [InlineData(1, 0)]   // never the only replica
    [InlineData(2, 1)]   // at least one when 10% rounds to zero
    [InlineData(9, 1)]
    [InlineData(10, 1)]
    [InlineData(19, 1)]
    [InlineData(20, 2)]
    [InlineData(35, 3)]
    public void Budget_TenPercent_AtLeastOneNeverAll(int replicas, int expected)
    {
        Assert.Equal(expected, OutlierEjection.Budget(replicas, 10));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 90)]
    [InlineData(10, 300)] // capped at max_ejection_time
    [InlineData(50, 300)]
    public void EjectionSeconds_GrowsWithCount_CappedAtMax(int ejections, double expected)
    {
        Assert.Equal(expected, OutlierEjection.EjectionSeconds(ejections, new OutlierEjectionOptions()));
    }
}

using Pipeline.Simulator.Frontier;

namespace Pipeline.Simulator.Tests.Frontier;

/// <summary>Interpolation on a hand-made frontier: (100 h, 4%), (200 h, 2%), (400 h, 1%), plus a dominated point.</summary>
public class FrontierCurveTests
{
    private static readonly FrontierCurve Curve = new(
    [
        new("hpa", "0.8", 100, 0.04),
        new("hpa", "0.4", 400, 0.01),
        new("hpa", "0.6", 200, 0.02),
        new("hpa", "bad", 300, 0.03),
    ]);

    [Fact]
    public void Points_DominatedDropped_SortedByCost()
    {
        Assert.Equal([100.0, 200.0, 400.0], Curve.Points.Select(p => p.ReplicaHours));
    }

    [Theory]
    [InlineData(0.03, 150)]
    [InlineData(0.015, 300)]
    [InlineData(0.02, 200)]
    [InlineData(0.04, 100)]
    public void CostAt_InsideRange_PiecewiseLinear(double violations, double expected)
    {
        Assert.Equal(expected, Curve.CostAt(violations)!.Value, 9);
    }

    [Theory]
    [InlineData(150, 0.03)]
    [InlineData(300, 0.015)]
    [InlineData(400, 0.01)]
    public void ViolationsAt_InsideRange_PiecewiseLinear(double cost, double expected)
    {
        Assert.Equal(expected, Curve.ViolationsAt(cost)!.Value, 9);
    }

    [Fact]
    public void CostAtAndViolationsAt_OutsideRange_Null()
    {
        Assert.Null(Curve.CostAt(0.005));
        Assert.Null(Curve.CostAt(0.05));
        Assert.Null(Curve.ViolationsAt(50));
        Assert.Null(Curve.ViolationsAt(500));
    }

    [Fact]
    public void Of_PointBelowFrontier_RatiosBelowOneNotDominated()
    {
        // At 2% the frontier costs 200 h; at 150 h it has 3%.
        var c = FrontierComparison.Of(new("predictive", "", 150, 0.02), Curve);

        Assert.Equal(0.75, c.CostRatio!.Value, 9);
        Assert.Equal(2.0 / 3, c.ViolationRatio!.Value, 9);
        Assert.False(c.Dominated);
    }

    [Fact]
    public void Of_PointAboveFrontier_Dominated()
    {
        var c = FrontierComparison.Of(new("threshold", "", 250, 0.025), Curve);

        Assert.True(c.CostRatio > 1);
        Assert.True(c.Dominated);
    }
}

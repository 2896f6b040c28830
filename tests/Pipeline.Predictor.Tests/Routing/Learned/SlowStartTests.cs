using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Predictor.Tests.Routing.Learned;

public sealed class SlowStartTests
{
    [Theory]
    [InlineData(0, 0.1)]      // max(0, 1) / 120 < 10% floor
    [InlineData(6, 0.1)]      // 5% -> floor
    [InlineData(30, 0.25)]
    [InlineData(60, 0.5)]
    [InlineData(119, 119.0 / 120)]
    [InlineData(120, 1)]
    [InlineData(1000, 1)]
    public void Factor_Linear_RampsFromFloorToOne(double seconds, double expected)
    {
        Assert.Equal(expected, SlowStart.Factor(seconds, new SlowStartOptions()), 9);
    }

    [Fact]
    public void Factor_HigherAggression_RampsFasterEarly()
    {
        var linear = SlowStart.Factor(30, new SlowStartOptions());
        var aggressive = SlowStart.Factor(30, new SlowStartOptions { Aggression = 2 });

        Assert.Equal(Math.Sqrt(0.25), aggressive, 9); // (30/120)^(1/2)
        Assert.True(aggressive > linear);
    }

    [Fact]
    public void Factor_ZeroWindow_Off()
    {
        Assert.Equal(1, SlowStart.Factor(0, new SlowStartOptions { Window = TimeSpan.Zero }));
    }
}

using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Predictor.Tests.Routing.Learned;

public sealed class EjectionStateTests
{
    private static readonly OutlierEjectionOptions Options = new();

    [Fact]
    public void RecordResponses_ErrorsOnly_AccumulateUntilASuccess()
    {
        var state = new EjectionState();

        state.RecordResponses(0, 3);
        state.RecordResponses(0, 2);
        Assert.Equal(5, state.ConsecutiveErrors);

        state.RecordResponses(1, 1);
        Assert.Equal(0, state.ConsecutiveErrors);
    }

    [Fact]
    public void Eject_Repeated_EachEjectionLastsLonger()
    {
        var state = new EjectionState();

        Assert.Equal(30, state.Eject(100, "errors", Options));
        Assert.True(state.IsEjected(129.9));
        Assert.False(state.IsEjected(130));

        Assert.Equal(60, state.Eject(131, "errors", Options));
        Assert.True(state.IsEjected(190.9));
        Assert.False(state.IsEjected(191));
        Assert.Equal(2, state.Ejections);
    }

    [Fact]
    public void Sweep_HealthyIntervals_LowerTheMultiplierOnePerInterval()
    {
        var state = new EjectionState();
        state.Eject(0, "errors", Options);
        state.Eject(30, "errors", Options); // until 90, multiplier 2

        state.Sweep(60, Options);
        Assert.Equal(2, state.Ejections); // still ejected: no decay

        state.Sweep(105, Options);
        Assert.Equal(1, state.Ejections); // one full healthy interval (90..100)

        state.Sweep(200, Options);
        Assert.Equal(0, state.Ejections);
        Assert.Equal(30, state.Eject(200, "errors", Options)); // back to the base time
    }
}

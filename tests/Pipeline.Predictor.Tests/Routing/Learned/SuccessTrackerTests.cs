using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Predictor.Tests.Routing.Learned;

public sealed class SuccessTrackerTests
{
    [Fact]
    public void Record_FastErrors_DriveTheFactorToNearZero()
    {
        var tracker = new SuccessTracker();

        for (var i = 0; i < 100; i++) tracker.Record(0, 1);

        Assert.True(tracker.Rate < 0.05, $"rate {tracker.Rate}");
        Assert.True(tracker.Factor(4) < 1e-5);
    }

    [Fact]
    public void Record_BatchEqualsOneByOne()
    {
        var batch = new SuccessTracker();
        var single = new SuccessTracker();

        batch.Record(0, 10);
        for (var i = 0; i < 10; i++) single.Record(0, 1);

        Assert.Equal(single.Rate, batch.Rate, 12);
        Assert.Equal(Math.Sqrt(0.5), batch.Rate, 9); // half-life 20 responses: 10 errors keep 0.5^(10/20)
    }

    [Fact]
    public void Factor_AllSuccesses_One()
    {
        var tracker = new SuccessTracker();
        tracker.Record(50, 0);

        Assert.Equal(1, tracker.Factor(4));
    }
}

using Pipeline.Fleet.Load;
using Pipeline.Simulator.Traces;

namespace Pipeline.Fleet.Tests.Load;

public sealed class ArrivalScheduleTests
{
    [Fact]
    public void Next_ConstantRate_InterarrivalsAreExponential()
    {
        var gaps = Gaps(new ArrivalSchedule(RateProfile.Constant(200), TimeSpan.FromSeconds(500), seed: 7));

        var mean = gaps.Average();
        var cv = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / gaps.Count) / mean;
        Assert.InRange(gaps.Count, 99_000, 101_000);
        Assert.InRange(mean, 0.00495, 0.00505);
        Assert.InRange(cv, 0.98, 1.02);
    }

    [Fact]
    public void Next_TraceRowsOneToThree_ArrivalsFollowTheRows()
    {
        var trace = new Trace("two-rows", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), [60, 180]);
        var rate = RateProfile.FromTrace(trace, TimeSpan.Zero, TimeSpan.FromSeconds(200), speed: 60, peakRate: 3000);

        var times = Times(new ArrivalSchedule(rate, TimeSpan.FromSeconds(200), seed: 3));

        var first = times.Count(t => t < 1);
        var second = times.Count(t => t is >= 1 and < 2);
        Assert.InRange(first, 900, 1100);
        Assert.InRange(second, 2800, 3200);
        Assert.Equal(first + second, times.Count);
    }

    [Fact]
    public void FromTrace_StartInsideARow_StepsEndAtRowBoundariesScaledToTheSpansPeak()
    {
        var trace = new Trace("rows", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), [10, 20, 40, 5]);

        var rate = RateProfile.FromTrace(trace, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), speed: 60, peakRate: 100);

        // The span is trace 0:30-1:30 (rows 10 and 20): 20 becomes 100 req/s; row 40 lies outside it.
        Assert.Equal((50.0, TimeSpan.FromSeconds(0.5)), rate.StepAt(TimeSpan.Zero));
        Assert.Equal((100.0, TimeSpan.FromSeconds(1.5)), rate.StepAt(TimeSpan.FromSeconds(0.7)));
        Assert.Equal(100, rate.PeakRate);
    }

    private static List<double> Times(ArrivalSchedule schedule)
    {
        var times = new List<double>();
        while (schedule.Next() is { } at) times.Add(at.TotalSeconds);
        return times;
    }

    private static List<double> Gaps(ArrivalSchedule schedule)
    {
        var times = Times(schedule);
        return times.Zip(times.Skip(1), (a, b) => b - a).ToList();
    }
}

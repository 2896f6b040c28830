using Pipeline.Simulator.Traces;
using Pipeline.Simulator.Traces.Shapes;

namespace Pipeline.Simulator.Tests.Traces;

/// <summary>The synthetic workload shapes have the properties their names promise, deterministically per seed.</summary>
public class TraceShapesTests
{
    private const int Day = 1440;

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Create_SameSeedSameRows_OtherSeedOtherRows(string shape)
    {
        var a = TraceShapes.Create(shape, 2, seed: 1);
        Assert.Equal(a.Requests, TraceShapes.Create(shape, 2, seed: 1).Requests);
        Assert.NotEqual(a.Requests, TraceShapes.Create(shape, 2, seed: 2).Requests);
        Assert.Equal(2 * Day, a.Requests.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), a.Interval);
    }

    [Fact]
    public void SmoothDiurnal_PeaksInTheAfternoonAndNeverJumps()
    {
        var r = TraceShapes.Create(TraceShapes.SmoothDiurnal, 3).Requests;
        for (var m = 1; m < r.Count; m++) Assert.InRange(r[m] / r[m - 1], 0.8, 1.25);
        Assert.True(r[15 * 60] > 3 * r[3 * 60], $"15:00 {r[15 * 60]} vs 03:00 {r[3 * 60]}");
    }

    [Fact]
    public void DailyOutage_NoLoadFrom1400To1445ThenTheFullLoadAtOnce()
    {
        var r = TraceShapes.Create(TraceShapes.DailyOutage, 3).Requests;
        for (var day = 0; day < 3; day++)
        {
            var start = day * Day + 14 * 60;
            Assert.All(Enumerable.Range(start, 45), m => Assert.Equal(0, r[m]));
            Assert.True(r[start + 45] > 0.8 * r[start - 1], $"day {day}: {r[start + 45]} after vs {r[start - 1]} before");
        }
    }

    [Fact]
    public void FlashCrowd_SurgesAtLeastFourfoldWithinTwoMinutes()
    {
        var r = TraceShapes.Create(TraceShapes.FlashCrowd, 8).Requests;
        var surges = Enumerable.Range(3, r.Count - 3).Count(m => r[m] > 4 * r[m - 3] && r[m - 1] <= 4 * r[m - 4]);
        Assert.InRange(surges, 3, 16);
    }

    [Fact]
    public void SparseBursts_MostMinutesEmptyWithAnHourlyJob()
    {
        var r = TraceShapes.Create(TraceShapes.SparseBursts, 2).Requests;
        Assert.InRange(r.Count(x => x == 0) / (double)r.Count, 0.8, 0.95);
        Assert.All(Enumerable.Range(0, 48), h => Assert.True(r[h * 60] > 0));
    }

    [Fact]
    public void Create_UnknownShapeOrBadLength_SaysWhich()
    {
        Assert.Contains("known shapes", Assert.Throws<ArgumentException>(() => TraceShapes.Create("sawtooth", 1)).Message);
        Assert.Contains("days", Assert.Throws<ArgumentException>(() => TraceShapes.Create(TraceShapes.SmoothDiurnal, 0)).Message);
    }

    [Fact]
    public void Write_ThenRead_SameTrace()
    {
        var trace = TraceShapes.Create(TraceShapes.FlashCrowd, 0.5);
        var text = new StringWriter();
        TraceWriter.Write(trace, text);
        var read = TraceReader.Read(new StringReader(text.ToString()), "shape.csv");
        Assert.Equal(trace.Start, read.Start);
        Assert.Equal(trace.Interval, read.Interval);
        Assert.Equal(trace.Requests, read.Requests);
    }

    public static TheoryData<string> Shapes() => [.. TraceShapes.All];
}

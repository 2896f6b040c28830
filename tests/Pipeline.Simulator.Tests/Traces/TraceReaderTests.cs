using Pipeline.Simulator.Traces;

namespace Pipeline.Simulator.Tests.Traces;

public class TraceReaderTests
{
    private static Trace Parse(string text) => TraceReader.Read(new StringReader(text), "t.csv");

    [Fact]
    public void Read_IsoTimestamps_InfersIntervalAndStart()
    {
        var trace = Parse("timestamp,requests\n1995-07-01T04:00:00Z,42\n1995-07-01T04:01:00Z,61\n1995-07-01T04:02:00Z,0\n");

        Assert.Equal(TimeSpan.FromMinutes(1), trace.Interval);
        Assert.Equal(new DateTimeOffset(1995, 7, 1, 4, 0, 0, TimeSpan.Zero), trace.Start);
        Assert.Equal([42.0, 61, 0], trace.Requests);
        Assert.Equal(61 / 60.0, trace.PeakRatePerSecond, 9);
    }

    [Fact]
    public void Read_SecondsFromStart_InfersHourlyInterval()
    {
        var trace = Parse("timestamp,requests\n0,10\n3600,20\n7200,30\n");

        Assert.Equal(TimeSpan.FromHours(1), trace.Interval);
        Assert.Equal(3, trace.Requests.Count);
    }

    [Theory]
    [InlineData("time,count\n0,1\n1,2\n", 1, "header")]
    [InlineData("timestamp,requests\n0,1\n60,2\n180,3\n", 4, "differs from the 60 s")]
    [InlineData("timestamp,requests\n0,1\n60,-2\n", 3, "negative")]
    [InlineData("timestamp,requests\n0,1\n60,abc\n", 3, "not a number")]
    [InlineData("timestamp,requests\n0,1\n60\n", 3, "2 comma-separated fields")]
    [InlineData("timestamp,requests\n1995-07-01T04:00:00,1\n1995-07-01T04:01:00,2\n", 2, "ISO-8601 UTC")]
    [InlineData("timestamp,requests\n0,1\n1995-07-01T04:01:00Z,2\n", 3, "mixes formats")]
    [InlineData("timestamp,requests\n60,1\n0,2\n", 3, "does not increase")]
    [InlineData("timestamp,requests\n0,1\n", 2, "at least 2")]
    [InlineData("", 1, "empty")]
    public void Read_MalformedFile_RejectedWithLineAndReason(string text, int line, string reason)
    {
        var error = Assert.Throws<TraceFormatException>(() => Parse(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith($"t.csv:{line}:", error.Message);
    }

    [Fact]
    public void Slice_OffsetAndDuration_KeepsWholeRows()
    {
        var trace = Parse("timestamp,requests\n0,1\n60,2\n120,3\n180,4\n");
        var slice = trace.Slice(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));

        Assert.Equal([2.0, 3], slice.Requests);
        Assert.Equal(trace.Start.AddMinutes(1), slice.Start);
    }
}

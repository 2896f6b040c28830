using System.Text;
using Pipeline.Ingest.Push;

namespace Pipeline.Stages.Tests.Ingest.Push;

public sealed class PushBatchTests
{
    private const string Sample = """{"service":"web","replica":"r1","timestamp":"2026-01-01T00:00:01Z","requests":5}""";

    private static IReadOnlyList<Pipeline.Contracts.Messages.MetricSample>? Read(string body, out string problem, int max = 100) =>
        PushBatch.Read(Encoding.UTF8.GetBytes(body), max, out problem);

    [Fact]
    public void Read_OneObject_OneSample() => Assert.Equal("r1", Assert.Single(Read(Sample, out _)!).Replica);

    [Fact]
    public void Read_Array_EverySampleInOrder() =>
        Assert.Equal(["r1", "r2"], Read($"[{Sample}, {Sample.Replace("r1", "r2")}]", out _)!.Select(s => s.Replica));

    [Theory]
    [InlineData("{\"service\":", "malformed")]
    [InlineData("[]", "empty")]
    [InlineData("[null]", "sample 0: invalid")]
    public void Read_Unusable_WholeBatchRefusedWithReason(string body, string reason)
    {
        Assert.Null(Read(body, out var problem));
        Assert.StartsWith(reason, problem);
    }

    [Fact]
    public void Read_OneInvalidAmongValid_WholeBatchRefusedNamingIt()
    {
        Assert.Null(Read($"[{Sample}, {Sample.Replace("\"requests\":5", "\"requests\":-1")}]", out var problem));
        Assert.StartsWith("sample 1: invalid", problem);
    }

    [Fact]
    public void Read_OverLimit_Refused()
    {
        Assert.Null(Read($"[{Sample}, {Sample}]", out var problem, max: 1));
        Assert.Equal("too many samples: 2 (limit 1)", problem);
    }
}

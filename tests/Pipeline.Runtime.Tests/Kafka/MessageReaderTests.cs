using System.Text;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;

namespace Pipeline.Runtime.Tests.Kafka;

public sealed class MessageReaderTests
{
    private static InputMessage Input(string json) => new("t", 0, 7, "svc", Encoding.UTF8.GetBytes(json), DateTimeOffset.UnixEpoch);

    [Fact]
    public void TryRead_ValidSample_ReturnsIt()
    {
        var ok = MessageReader.TryRead<MetricSample>(Input("""{"service":"a","replica":"a-0","timestamp":"2026-01-01T00:00:00Z","requests":5}"""),
            out var sample, out _);

        Assert.True(ok);
        Assert.Equal(5, sample.Requests);
    }

    [Theory]
    [InlineData("{not json", "malformed")]
    [InlineData("null", "JSON null")]
    [InlineData("""{"service":"a","replica":"a-0","timestamp":"2026-01-01T00:00:00Z","requests":"many"}""", "$.requests")]
    [InlineData("""{"replica":"a-0","timestamp":"2026-01-01T00:00:00Z"}""", "service")]
    public void TryRead_BadValue_FalseWithReasonNamingTheProblem(string json, string expectedInReason)
    {
        var ok = MessageReader.TryRead<MetricSample>(Input(json), out _, out var reason);

        Assert.False(ok);
        Assert.Contains(expectedInReason, reason);
    }
}

using System.Text;
using System.Text.Json;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;

namespace Pipeline.Contracts.Tests.Serialization;

public sealed class MetricSampleJsonTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 5, TimeSpan.Zero);

    public static TheoryData<MetricSample> Samples() =>
    [
        new() { Service = "web", Replica = "web-0", Timestamp = T },
        new() { Service = "a.b_c-d", Replica = "r é\"x", Timestamp = T.ToOffset(TimeSpan.FromHours(2)), IntervalSeconds = 0.25, Requests = 12, Completed = 11,
            Errors = 1, Utilization = 0.7333333333333333, InFlight = 3, Ready = false, LatencySumMs = 1234.5, MemoryBytes = 1L << 40,
            LatencyCounts = [.. Enumerable.Range(0, LatencyBuckets.Count).Select(i => (long)i * 7)] },
        new() { Service = "v2", Replica = "x", Timestamp = T, Version = 2, Requests = -1, Utilization = 1.5, LatencyCounts = [1, 2, 3] },
        new() { Service = "many", Replica = "x", Timestamp = T, LatencyCounts = [.. Enumerable.Range(0, 2 * LatencyBuckets.Count + 3).Select(i => (long)i)] },
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void TryRead_SerializedSample_ReadsWhatTheSerializerReads(MetricSample sample)
    {
        var json = JsonSerde<MetricSample>.Instance.Serialize(sample, default);

        Assert.True(MetricSampleJson.TryRead(json, out var fast));
        Assert.Equal(Canonical(JsonSerde<MetricSample>.Instance.Deserialize(json, false, default)), Canonical(fast));
    }

    [Theory]
    [InlineData("""{"service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z"}""")]
    [InlineData("""{"timestamp":"2026-01-01T00:00:05+01:00","replica":"r","service":"s","memoryBytes":null,"latencyCounts":[]}""")]
    [InlineData(""" { "service" : "s", "replica":"r", "timestamp":"2026-01-01T00:00:05.123Z", "requests":5, "ready":false } """)]
    public void TryRead_PlainShapes_ReadWhatTheSerializerReads(string text)
    {
        var json = Encoding.UTF8.GetBytes(text);

        Assert.True(MetricSampleJson.TryRead(json, out var fast));
        Assert.Equal(Canonical(JsonSerde<MetricSample>.Instance.Deserialize(json, false, default)), Canonical(fast));
    }

    [Theory]
    [InlineData("""{"Service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z"}""")] // other casing: the serializer accepts it
    [InlineData("""{"service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z","latencySumMs":"NaN"}""")] // named literal
    [InlineData("""{"service":"s","service":"t","replica":"r","timestamp":"2026-01-01T00:00:05Z"}""")] // duplicate
    [InlineData("""{"service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z","extra":1}""")] // unknown field
    [InlineData("""{"service":null,"replica":"r","timestamp":"2026-01-01T00:00:05Z"}""")]
    [InlineData("""{"service":"s","replica":"r"}""")] // a required field missing
    [InlineData("""{"service":"s","replica":"r","timestamp":"yesterday"}""")]
    [InlineData("""{"service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z","requests":1.5}""")]
    [InlineData("""{"service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z","latencyCounts":[1,2.5]}""")]
    [InlineData("""{"service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z","latencyCounts":[1,"2"]}""")]
    [InlineData("""{"service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z"} {}""")]
    [InlineData("""{"service":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z",}""")]
    [InlineData("""{"serv\u0069ce":"s","replica":"r","timestamp":"2026-01-01T00:00:05Z"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""not json""")]
    [InlineData("""null""")]
    public void TryRead_AnythingElse_LeavesItToTheSerializer(string text)
    {
        Assert.False(MetricSampleJson.TryRead(Encoding.UTF8.GetBytes(text), out var sample));
        Assert.Null(sample);
    }

    private static string Canonical(MetricSample sample) => JsonSerializer.Serialize(sample, JsonDefaults.Options);
}

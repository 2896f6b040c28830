using System.Text.Json;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Sink.LineProtocol;
using Pipeline.Sink.Mapping;
using Xunit;

namespace Pipeline.Sink.Tests.Mapping;

public sealed class StageHealthPointsTests
{
    private static StageHealth Snapshot() => new()
    {
        Stage = "features",
        Instance = "pipeline-features-1",
        Timestamp = SampleMessages.T0,
        Consumed = 120,
        Published = 30,
        DeadLettered = 2,
        ConsumerLag = 5,
        LastPollAgeSeconds = 0.25,
        Healthy = true,
    };

    private static FieldValue F(Point p, string key) => Assert.Single(p.Fields, f => f.Key == key).Value;

    [Fact]
    public void TryMap_HealthTopicRecord_OneStageHealthPointTaggedByStageAndInstance()
    {
        var record = new InputMessage(TopicNames.Health, 0, 3, "features",
            JsonSerializer.SerializeToUtf8Bytes(Snapshot(), JsonDefaults.Options), SampleMessages.T0.AddSeconds(1));

        Assert.True(TopicPointMapper.TryMap(record, out var points, out var reason), reason);

        var p = Assert.Single(points);
        Assert.Equal(Measurements.StageHealth, p.Measurement);
        Assert.Equal(new Dictionary<string, string> { ["instance"] = "pipeline-features-1", ["stage"] = "features" }, p.Tags);
        Assert.Equal(FieldValue.Of(120L), F(p, "consumed"));
        Assert.Equal(FieldValue.Of(30L), F(p, "published"));
        Assert.Equal(FieldValue.Of(2L), F(p, "dead_lettered"));
        Assert.Equal(FieldValue.Of(5L), F(p, "consumer_lag"));
        Assert.Equal(0.25, F(p, "last_poll_age_s").Float);
        Assert.Equal(FieldValue.Of(true), F(p, "healthy"));
        Assert.Equal(Point.ToUnixNanoseconds(SampleMessages.T0), p.TimestampNs);
    }

    [Fact]
    public void From_UnknownLagAndNoPollYet_LeavesThoseFieldsOutAndKeepsReason()
    {
        var p = StageHealthPoints.From(Snapshot() with { ConsumerLag = null, LastPollAgeSeconds = null, Healthy = false, Reason = "features: not polled" });

        Assert.DoesNotContain(p.Fields, f => f.Key is "consumer_lag" or "last_poll_age_s");
        Assert.Equal(FieldValue.Of(false), F(p, "healthy"));
        Assert.Equal("features: not polled", F(p, "reason").Text);
    }

    [Fact]
    public void TryMap_HealthRecordWithoutInstance_FailsWithReason()
    {
        var json = """{"version":1,"stage":"features","timestamp":"2026-01-01T00:00:00Z"}"""u8.ToArray();
        var record = new InputMessage(TopicNames.Health, 0, 4, "features", json, SampleMessages.T0);

        Assert.False(TopicPointMapper.TryMap(record, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }
}

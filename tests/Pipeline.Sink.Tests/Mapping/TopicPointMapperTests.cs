using System.Text;
using System.Text.Json;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Sink.Mapping;
using Xunit;

namespace Pipeline.Sink.Tests.Mapping;

public sealed class TopicPointMapperTests
{
    private static InputMessage Record(string topic, object message) =>
        new(topic, 0, 7, "checkout", JsonSerializer.SerializeToUtf8Bytes(message, JsonDefaults.Options), SampleMessages.T0.AddSeconds(12));

    public static TheoryData<string, string, int> EveryTopic => new()
    {
        { TopicNames.Metrics, Measurements.MetricSample, 1 },
        { TopicNames.Features, Measurements.FeatureWindow, 3 },
        { TopicNames.ScaleDecisions, Measurements.ScaleDecision, 1 },
        { TopicNames.RouteDecisions, Measurements.RouteDecision, 4 },
        { TopicNames.Actuations, Measurements.Actuation, 1 },
        { TopicNames.DeadLetters, Measurements.DeadLetter, 1 },
    };

    [Theory]
    [MemberData(nameof(EveryTopic))]
    public void TryMap_ValidJsonOnEveryTopic_ReturnsItsPoints(string topic, string measurement, int count)
    {
        object message = topic switch
        {
            TopicNames.Metrics => SampleMessages.Metric(),
            TopicNames.Features => SampleMessages.Window(),
            TopicNames.ScaleDecisions => SampleMessages.Scale(),
            TopicNames.RouteDecisions => SampleMessages.Route(),
            TopicNames.Actuations => SampleMessages.Actuation(),
            _ => SampleMessages.Dead(),
        };

        Assert.True(TopicPointMapper.TryMap(Record(topic, message), out var points, out var reason), reason);

        Assert.Equal(count, points.Count);
        Assert.Equal(measurement, points[0].Measurement);
    }

    [Fact]
    public void TryMap_ScaleDecisionWithOriginHeader_WritesDecisionLatency()
    {
        var record = Record(TopicNames.ScaleDecisions, SampleMessages.Scale()) with { Origin = SampleMessages.T0.AddSeconds(11.5) };

        Assert.True(TopicPointMapper.TryMap(record, out var points, out _));

        Assert.Equal(500.0, Assert.Single(points[0].Fields, f => f.Key == "decision_latency_ms").Value.Float);
    }

    [Fact]
    public void TryMap_MalformedJson_FalseWithReason()
    {
        var record = new InputMessage(TopicNames.Metrics, 0, 1, "k", Encoding.UTF8.GetBytes("{not json"), SampleMessages.T0);

        Assert.False(TopicPointMapper.TryMap(record, out var points, out var reason));

        Assert.Empty(points);
        Assert.StartsWith("malformed", reason);
    }

    [Fact]
    public void TryMap_MissingRequiredField_FalseWithReasonNamingIt()
    {
        var record = new InputMessage(TopicNames.ScaleDecisions, 0, 1, "k", Encoding.UTF8.GetBytes("{\"service\":\"a\"}"), SampleMessages.T0);

        Assert.False(TopicPointMapper.TryMap(record, out _, out var reason));

        Assert.Contains("id", reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryMap_UnknownTopic_FalseWithReasonNamingTopic()
    {
        var record = new InputMessage("other.topic", 0, 1, null, [1], SampleMessages.T0);

        Assert.False(TopicPointMapper.TryMap(record, out _, out var reason));

        Assert.Contains("other.topic", reason);
    }
}

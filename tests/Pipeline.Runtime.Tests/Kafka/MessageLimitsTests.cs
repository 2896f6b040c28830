using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Runtime.Tests.Kafka;

/// <summary>The per-topic message limits agree with each other and with the producer's.</summary>
public sealed class MessageLimitsTests
{
    [Fact]
    public void Defaults_MetricsSmall_StageTopicsLarge_ProducerAboveBothAndUnderBrokerDefault()
    {
        var options = new KafkaOptions();

        Assert.Equal(64 * 1024, options.LimitFor(TopicNames.Metrics));
        foreach (var topic in new[] { TopicNames.Features, TopicNames.ScaleDecisions, TopicNames.RouteDecisions, TopicNames.Actuations, TopicNames.DeadLetters })
            Assert.Equal(960 * 1024, options.LimitFor(topic));
        Assert.True(options.ProducerMessageMaxBytes >= options.MaxStageMessageBytes + 16 * 1024);
        Assert.True(options.ProducerMessageMaxBytes <= 1_048_588, "a Kafka broker's default message.max.bytes");
        Assert.Equal(options.ProducerMessageMaxBytes, int.Parse(KafkaClientConfigs.Producer(options, "p").Get("message.max.bytes")!));
    }

    [Fact]
    public void RaisedStageLimit_RaisesTheProducerLimitWithIt()
    {
        var options = new KafkaOptions { MaxStageMessageBytes = 4 * 1024 * 1024 };

        Assert.Equal(4 * 1024 * 1024 + 16 * 1024, options.ProducerMessageMaxBytes);
    }

    [Theory]
    [InlineData(100, 100, null)]
    [InlineData(101, 100, "output too large: a 101-byte record for t (key \"k\") exceeds the limit of 100 bytes; not published")]
    public void OutputGuard_RejectsOnlyOverTheLimit(int bytes, int limit, string? expected) =>
        Assert.Equal(expected, OutputGuard.Rejection("t", "k", bytes, limit));

    [Theory]
    [InlineData("invalid: service: must match", "invalid")]
    [InlineData("limit: 2 services", "limit")]
    [InlineData("output too large: a 5-byte record", "output too large")]
    [InlineData("Weird\u0001: x", "other")]
    [InlineData("no colon at all", "other")]
    public void DeadLetterReasons_Kind_IsThePlainPrefix(string reason, string kind) =>
        Assert.Equal(kind, DeadLetterReasons.Kind(reason));

    [Fact]
    public void DeadLetterReasons_BoundedKinds_RestCountAsOther()
    {
        var reasons = new DeadLetterReasons();
        for (var i = 0; i < DeadLetterReasons.MaxKinds + 10; i++) reasons.Add($"kind {new string('a', i % 26 + 1)}{(char)('a' + i / 26)}: x");

        Assert.Equal(DeadLetterReasons.MaxKinds + 1, reasons.All.Count);
        Assert.Equal(10, reasons.All.Single(r => r.Kind == "other").Count);
    }
}

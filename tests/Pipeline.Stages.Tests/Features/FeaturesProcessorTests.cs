using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Stages.Tests.Features;

public sealed class FeaturesProcessorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TopicPartition Partition0 = new(TopicNames.Metrics, 0);

    private static MetricSample Sample(int second, string replica = "r") =>
        new() { Service = "web", Replica = replica, Timestamp = T0.AddSeconds(second), Requests = 10, Completed = 10, Utilization = 0.5 };

    private static FeaturesProcessor Create() =>
        new(new WindowingOptions { WindowSize = TimeSpan.FromSeconds(10), Grace = TimeSpan.Zero }, TimeProvider.System);

    [Fact]
    public void HeldOffset_SamplesInOpenWindow_HoldTheOldestUntilItCloses()
    {
        var processor = Create();
        var output = new RecordingStageOutput();
        processor.Process(Inputs.Of(TopicNames.Metrics, "web", Sample(3), offset: 40), output);
        processor.Process(Inputs.Of(TopicNames.Metrics, "web", Sample(6), offset: 41), output);

        Assert.Equal(40, processor.HeldOffset(Partition0));

        processor.Process(Inputs.Of(TopicNames.Metrics, "web", Sample(12), offset: 42), output);

        var window = Assert.Single(output.Of<FeatureWindow>());
        Assert.Equal(2, window.SampleCount);
        Assert.Equal(42, processor.HeldOffset(Partition0));
    }

    [Fact]
    public void Process_InvalidSample_DeadLetteredNamingTheField()
    {
        var output = new RecordingStageOutput();

        Create().Process(Inputs.Of(TopicNames.Metrics, "web", Sample(1) with { Utilization = 1.5 }), output);

        Assert.Contains("utilization", Assert.Single(output.DeadLetters));
        Assert.Empty(output.Published);
    }

    [Fact]
    public void Process_LateSample_DeadLetteredAndNotHeld()
    {
        var processor = Create();
        var output = new RecordingStageOutput();
        processor.Process(Inputs.Of(TopicNames.Metrics, "web", Sample(25), offset: 1), output);

        processor.Process(Inputs.Of(TopicNames.Metrics, "web", Sample(2), offset: 2), output);

        Assert.StartsWith("late", Assert.Single(output.DeadLetters));
        Assert.Equal(1, processor.HeldOffset(Partition0));
    }
}

using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Predictor.Keda;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Predictor.Tests.Keda;

public sealed class KedaDecisionTapTests
{
    private sealed class Deciding : IStageProcessor
    {
        public string Stage => "predictor";

        public IReadOnlyList<string> InputTopics => [TopicNames.Features];

        public void Process(InputMessage message, IStageOutput output) => output.Publish(TopicNames.ScaleDecisions, "web", new ScaleDecision
        {
            Id = "d1", Service = "web", Timestamp = message.Timestamp, Policy = "hpa", DesiredReplicas = 6, Explanation = "test",
        });
    }

    [Fact]
    public void Process_InnerPublishesScaleDecision_ForwardedAndRecorded()
    {
        var latest = new LatestScaleDecisions();
        var output = new RecordingStageOutput();
        var tap = new KedaDecisionTap(new Deciding(), latest);

        tap.Process(new InputMessage(TopicNames.Features, 0, 0, "web", [], DateTimeOffset.UnixEpoch), output);

        Assert.Equal(6, Assert.Single(output.Of<ScaleDecision>()).DesiredReplicas);
        Assert.Equal(6, latest.Get("web")?.DesiredReplicas);
        Assert.Equal(("predictor", TopicNames.Features), (tap.Stage, Assert.Single(tap.InputTopics)));
    }
}

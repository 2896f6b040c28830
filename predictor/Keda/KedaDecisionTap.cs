using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Predictor.Keda;

/// <summary>Wraps the predictor's stage processor and records every scale decision it publishes in <see cref="LatestScaleDecisions"/>; otherwise the same stage.</summary>
public sealed class KedaDecisionTap(IStageProcessor inner, LatestScaleDecisions latest) : IStageProcessor
{
    public string Stage => inner.Stage;

    public IReadOnlyList<string> InputTopics => inner.InputTopics;

    public void Process(InputMessage message, IStageOutput output) => inner.Process(message, new Tapped(output, latest));

    public void Tick(IStageOutput output) => inner.Tick(new Tapped(output, latest));

    public bool BeforeCommit() => inner.BeforeCommit();

    public string? Backpressure => inner.Backpressure;

    public long? HeldOffset(TopicPartition partition) => inner.HeldOffset(partition);

    public void PartitionsAssigned(IReadOnlyList<TopicPartition> partitions, ITopicHistory history) => inner.PartitionsAssigned(partitions, history);

    public void PartitionsRevoked(IReadOnlyList<TopicPartition> partitions) => inner.PartitionsRevoked(partitions);

    public bool CoPartitioned => inner.CoPartitioned;

    private sealed class Tapped(IStageOutput output, LatestScaleDecisions latest) : IStageOutput
    {
        public void Publish<T>(string topic, string key, T message)
        {
            output.Publish(topic, key, message);
            if (topic == TopicNames.ScaleDecisions && message is ScaleDecision decision) latest.Record(decision);
        }

        public void DeadLetter(string reason) => output.DeadLetter(reason);
    }
}

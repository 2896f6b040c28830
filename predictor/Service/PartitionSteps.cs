using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Predictor.Decisions;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Predictor.Service;

/// <summary>
/// The predictor's per-service state by partition: one <see cref="DecisionStep"/> (its policies' histories and the counts
/// the actuator applied) per partition of <see cref="TopicNames.Features"/>, and of <see cref="TopicNames.Actuations"/>
/// with the same number (both keyed by service, so the same services). An assigned partition's step is rebuilt by
/// replaying the windows and actuation results of the last <see cref="PredictorOptions.StateReplay"/> before the committed
/// offsets, in time order, without publishing: the policies are deterministic, so the state is the one the previous owner
/// had, as far as that period (and the topics' retention) reaches.
/// </summary>
internal sealed class PartitionSteps(Func<DecisionStep> create, TimeSpan replay, TimeProvider time)
{
    private readonly Dictionary<int, DecisionStep> _steps = [];

    public DecisionStep For(int partition)
    {
        if (!_steps.TryGetValue(partition, out var step)) _steps[partition] = step = create();
        return step;
    }

    public void Drop(int partition) => _steps.Remove(partition);

    public void Rebuild(int partition, ITopicHistory history)
    {
        var step = _steps[partition] = create();
        var records = new List<InputMessage>();
        var since = time.GetUtcNow() - replay;
        foreach (var topic in (string[])[TopicNames.Features, TopicNames.Actuations])
        {
            var tp = new TopicPartition(topic, partition);
            history.Read(tp, since, history.ResumeOffset(tp), records.Add);
        }
        foreach (var m in records.OrderBy(m => m.Timestamp))
        {
            if (m.Topic == TopicNames.Actuations)
            {
                if (MessageReader.TryRead<ActuationResult>(m, out var result, out _)) step.Follow(result);
            }
            else if (MessageReader.TryRead<FeatureWindow>(m, out var window, out _) && WindowChecks.Problem(window) is null)
            {
                step.Decide(window);
            }
        }
    }
}

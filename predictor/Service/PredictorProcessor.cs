using Confluent.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Predictor.Decisions;

namespace Pipeline.Predictor.Service;

/// <summary>
/// The predictor stage: each closed feature window goes through the <see cref="DecisionStep"/> (the same one the
/// simulator's evaluation runs) and becomes one scale decision (and one route decision when routing runs), decided at
/// the window's end in event time so the same inputs always give the same decision and id. Actuation results on the
/// actuations topic tell the step what was applied. Unreadable or inconsistent windows go to the dead-letter topic.
/// Built with a step factory, it keeps one step per partition and rebuilds an assigned partition's step from the topics
/// (<see cref="PartitionSteps"/>), so several instances in one group split the services; with one step, it runs alone.
/// </summary>
public sealed class PredictorProcessor : IStageProcessor
{
    private readonly DecisionStep? _single;
    private readonly PartitionSteps? _partitions;
    private readonly ServiceLimit _services;
    private readonly Dictionary<int, DateTimeOffset> _nextEviction = [];

    /// <summary>One step for every service: the stage as a single instance (state is not rebuilt on assignment).</summary>
    public PredictorProcessor(DecisionStep step)
    {
        _single = step;
        _services = new ServiceLimit(step.Options.MaxServices);
    }

    /// <summary>
    /// A step per partition, each from <paramref name="steps"/>, rebuilt from the last <paramref name="replay"/> of the
    /// topics when its partition is assigned; at most <paramref name="maxServices"/> services across the partitions.
    /// </summary>
    public PredictorProcessor(Func<DecisionStep> steps, TimeSpan replay, TimeProvider time, int maxServices = int.MaxValue)
    {
        _partitions = new PartitionSteps(steps, replay, time);
        _services = new ServiceLimit(maxServices);
    }

    public string Stage => "predictor";

    public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Features, TopicNames.Actuations];

    public bool CoPartitioned => _partitions is not null;

    public void Process(InputMessage message, IStageOutput output)
    {
        var step = _single ?? _partitions!.For(message.Partition);
        if (message.Topic == TopicNames.Actuations)
        {
            if (MessageReader.TryRead<ActuationResult>(message, out var result, out var problem)) step.Follow(result);
            else output.DeadLetter(problem);
            return;
        }
        if (!MessageReader.TryRead<FeatureWindow>(message, out var window, out var reason))
        {
            output.DeadLetter(reason);
            return;
        }
        if (WindowChecks.Problem(window) is { } invalid)
        {
            output.DeadLetter(invalid);
            return;
        }
        EvictIdle(step, message.Partition, window.WindowEnd);
        if (_services.Refusal(window.Service) is { } refused)
        {
            output.DeadLetter(refused);
            return;
        }
        var decided = step.Decide(window);
        output.Publish(TopicNames.ScaleDecisions, decided.Scale.Service, decided.Scale);
        if (decided.Route is { } route) output.Publish(TopicNames.RouteDecisions, route.Service, route);
    }

    /// <summary>At most once a minute of event time per partition: forgets the step's services idle past the eviction time.</summary>
    private void EvictIdle(DecisionStep step, int partition, DateTimeOffset now)
    {
        var idle = step.Options.EvictIdleAfter;
        if (idle <= TimeSpan.Zero || (_nextEviction.TryGetValue(partition, out var next) && now < next)) return;
        _nextEviction[partition] = now + TimeSpan.FromMinutes(1);
        foreach (var service in step.EvictIdle(now, idle)) _services.Release(service);
    }

    public void PartitionsAssigned(IReadOnlyList<TopicPartition> partitions, ITopicHistory history)
    {
        foreach (var p in partitions.Where(p => p.Topic == TopicNames.Features)) _partitions?.Rebuild(p.Partition.Value, history);
    }

    public void PartitionsRevoked(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var p in partitions.Where(p => p.Topic == TopicNames.Features)) _partitions?.Drop(p.Partition.Value);
    }
}

using Confluent.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;

namespace Pipeline.Actuator.Service;

/// <summary>
/// The actuator stage: reads scale and route decisions, applies each through the <see cref="Actuation"/> (the same
/// code the simulator's evaluation applies decisions with) and publishes an <see cref="ActuationResult"/> for every
/// decision it reads (applied, clamped, duplicate, recommend-only or failed). Invalid decisions go to the dead-letter topic.
/// On assignment it reads back the results published recently (<see cref="ActuatorOptions.ResultsReadBack"/>) and since
/// the decisions it will re-read, so a decision another instance handled before a rebalance is a duplicate here, not
/// applied twice. A service's scale and route decisions are owned by one instance (<see cref="CoPartitioned"/>).
/// </summary>
public sealed class ActuatorProcessor(Actuation actuation) : IStageProcessor
{
    public string Stage => "actuator";

    public IReadOnlyList<string> InputTopics { get; } = [TopicNames.ScaleDecisions, TopicNames.RouteDecisions];

    /// <summary>
    /// True: partition i of both decision topics (the same services: keyed by service, equal partition counts) goes to the
    /// same instance. The group's default, cooperative-sticky, balances partitions over both topics together and handed a
    /// joining instance all the route partitions and none of the scale ones: scaling was never spread, and a target that
    /// runs a service's replicas (local) got route weights for replicas another instance runs, which it drops. Range
    /// rebalances are eager (every partition revoked and read back); one group cannot mix the two assignors, so an upgrade
    /// from a cooperative-sticky actuator stops the old instances first.
    /// </summary>
    public bool CoPartitioned => true;

    public void PartitionsAssigned(IReadOnlyList<TopicPartition> partitions, ITopicHistory history)
    {
        var since = actuation.RememberSince;
        if (history.OutputsSince(partitions) is { } resume && resume < since) since = resume;
        history.ReadSince(TopicNames.Actuations, since, m =>
        {
            if (MessageReader.TryRead<ActuationResult>(m, out var result, out _)) actuation.Remember(result);
        });
    }

    public void Process(InputMessage message, IStageOutput output)
    {
        if (message.Topic == TopicNames.ScaleDecisions)
        {
            if (!MessageReader.TryRead<ScaleDecision>(message, out var decision, out var reason)) output.DeadLetter(reason);
            else if (DecisionChecks.Problem(decision) is { } problem) output.DeadLetter(problem);
            else output.Publish(TopicNames.Actuations, decision.Service, actuation.Scale(decision));
        }
        else
        {
            if (!MessageReader.TryRead<RouteDecision>(message, out var decision, out var reason)) output.DeadLetter(reason);
            else if (DecisionChecks.Problem(decision) is { } problem) output.DeadLetter(problem);
            else output.Publish(TopicNames.Actuations, decision.Service, actuation.Route(decision));
        }
    }
}

using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Targets;
using Pipeline.Contracts.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;

namespace Pipeline.Actuator.Service;

/// <summary>
/// The actuator stage: applies scale and route decisions to the target at most once per decision id, within the
/// min/max replica rail, and publishes an <see cref="ActuationResult"/> for every decision it reads (applied, clamped,
/// duplicate or recommend-only). Invalid decisions go to the dead-letter topic.
/// </summary>
public sealed class ActuatorProcessor(IActuatorTarget target, ActuatorOptions options, TimeProvider time) : IStageProcessor
{
    private readonly DecisionLedger _ledger = new(options.RememberedDecisions);

    public string Stage => "actuator";

    public IReadOnlyList<string> InputTopics { get; } = [TopicNames.ScaleDecisions, TopicNames.RouteDecisions];

    public void Process(InputMessage message, IStageOutput output)
    {
        if (message.Topic == TopicNames.ScaleDecisions)
        {
            if (!MessageReader.TryRead<ScaleDecision>(message, out var decision, out var reason)) output.DeadLetter(reason);
            else if (DecisionChecks.Problem(decision) is { } problem) output.DeadLetter(problem);
            else output.Publish(TopicNames.Actuations, decision.Service, Scale(decision));
        }
        else
        {
            if (!MessageReader.TryRead<RouteDecision>(message, out var decision, out var reason)) output.DeadLetter(reason);
            else if (DecisionChecks.Problem(decision) is { } problem) output.DeadLetter(problem);
            else output.Publish(TopicNames.Actuations, decision.Service, Route(decision));
        }
    }

    private ActuationResult Scale(ScaleDecision decision)
    {
        if (!_ledger.TryRecord(decision.Id))
            return Result(decision.Id, "scale", decision.Service, ActuationStatuses.Duplicate, 0, 0, "already applied; ignored");
        if (decision.Mode == DecisionModes.Recommend)
            return Result(decision.Id, "scale", decision.Service, ActuationStatuses.RecommendOnly, decision.CurrentReplicas,
                decision.CurrentReplicas, $"recommendation only: {decision.DesiredReplicas} replicas");
        var bounded = ReplicaBounds.Clamp(decision.DesiredReplicas, options.MinReplicas, options.MaxReplicas);
        var outcome = target.Apply(new ActuationCommand { DecisionId = decision.Id, Service = decision.Service, DesiredReplicas = bounded });
        var status = !outcome.Effective ? ActuationStatuses.RecommendOnly
            : bounded != decision.DesiredReplicas ? ActuationStatuses.Clamped
            : ActuationStatuses.Applied;
        var note = bounded != decision.DesiredReplicas
            ? $"{outcome.Message} (desired {decision.DesiredReplicas} clamped to [{options.MinReplicas}, {options.MaxReplicas}])"
            : outcome.Message;
        return Result(decision.Id, "scale", decision.Service, status, outcome.PreviousReplicas, outcome.AppliedReplicas, note);
    }

    private ActuationResult Route(RouteDecision decision)
    {
        if (!_ledger.TryRecord(decision.Id))
            return Result(decision.Id, "route", decision.Service, ActuationStatuses.Duplicate, 0, 0, "already applied; ignored");
        var outcome = target.Apply(new ActuationCommand { DecisionId = decision.Id, Service = decision.Service, Weights = decision.Weights });
        var status = outcome.Effective ? ActuationStatuses.Applied : ActuationStatuses.RecommendOnly;
        return Result(decision.Id, "route", decision.Service, status, outcome.PreviousReplicas, outcome.AppliedReplicas, outcome.Message);
    }

    private ActuationResult Result(string id, string kind, string service, string status, int previous, int applied, string message) => new()
    {
        DecisionId = id,
        Kind = kind,
        Service = service,
        Target = target.Name,
        Timestamp = time.GetUtcNow(),
        Status = status,
        PreviousReplicas = previous,
        AppliedReplicas = applied,
        Message = message,
    };
}

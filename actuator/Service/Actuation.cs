using System.Globalization;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Targets;
using Pipeline.Contracts.Messages;

namespace Pipeline.Actuator.Service;

/// <summary>
/// How a decision is applied, the same in the live actuator stage and in the simulator's evaluation: at most once per
/// decision id, never a decision for an older window than one already applied for the service (nor one older than
/// <see cref="ActuatorOptions.MaxDecisionAge"/>: both are <c>stale</c>), recommend-only decisions reported but not applied, the replica count held within the min/max rail, and
/// an <see cref="ActuationResult"/> saying what happened (a target that throws gives a <c>failed</c> result).
/// </summary>
public sealed class Actuation(IActuatorTarget target, ActuatorOptions options, TimeProvider time)
{
    private readonly DecisionLedger _ledger = new(options.RememberedDecisions);
    private readonly DecisionOrder _order = new();

    /// <summary>The target decisions are applied to.</summary>
    public IActuatorTarget Target => target;

    /// <summary>
    /// Records a decision already handled, from its result read back from the actuations topic (another instance's, before
    /// a rebalance): reading that decision again then gives <c>duplicate</c>, not a second application.
    /// </summary>
    public void Remember(ActuationResult result) => _ledger.TryRecord(result.DecisionId);

    /// <summary>From when results are read back on assignment (<see cref="ActuatorOptions.ResultsReadBack"/> before now).</summary>
    public DateTimeOffset RememberSince => time.GetUtcNow() - options.ResultsReadBack;

    /// <summary>Applies a scale decision.</summary>
    public ActuationResult Scale(ScaleDecision decision)
    {
        if (!_ledger.TryRecord(decision.Id))
            return Result(decision.Id, "scale", decision.Service, ActuationStatuses.Duplicate, 0, 0, "already applied; ignored");
        if (Staleness("scale", decision.Service, decision.WindowEnd, decision.Timestamp) is { } stale)
            return Result(decision.Id, "scale", decision.Service, ActuationStatuses.Stale, 0, 0, stale);
        if (decision.Mode == DecisionModes.Recommend)
            return Result(decision.Id, "scale", decision.Service, ActuationStatuses.RecommendOnly, decision.CurrentReplicas,
                decision.CurrentReplicas, $"recommendation only: {decision.DesiredReplicas} replicas");
        var bounded = ReplicaBounds.Clamp(decision.DesiredReplicas, options.MinReplicas, options.MaxReplicas);
        if (!TryApply(new ActuationCommand { DecisionId = decision.Id, Service = decision.Service, DesiredReplicas = bounded }, out var outcome, out var error))
            return Result(decision.Id, "scale", decision.Service, ActuationStatuses.Failed, decision.CurrentReplicas, decision.CurrentReplicas, error);
        var status = !outcome.Effective ? ActuationStatuses.RecommendOnly
            : bounded != decision.DesiredReplicas ? ActuationStatuses.Clamped
            : ActuationStatuses.Applied;
        var note = bounded != decision.DesiredReplicas
            ? $"{outcome.Message} (desired {decision.DesiredReplicas} clamped to [{options.MinReplicas}, {options.MaxReplicas}])"
            : outcome.Message;
        if (outcome.Effective) _order.Applied("scale", decision.Service, decision.WindowEnd);
        return Result(decision.Id, "scale", decision.Service, status, outcome.PreviousReplicas, outcome.AppliedReplicas, note);
    }

    /// <summary>Applies a route decision; the result carries the weights applied, for targets that follow results elsewhere.</summary>
    public ActuationResult Route(RouteDecision decision)
    {
        if (!_ledger.TryRecord(decision.Id))
            return Result(decision.Id, "route", decision.Service, ActuationStatuses.Duplicate, 0, 0, "already applied; ignored");
        if (Staleness("route", decision.Service, decision.WindowEnd, decision.Timestamp) is { } stale)
            return Result(decision.Id, "route", decision.Service, ActuationStatuses.Stale, 0, 0, stale);
        if (!TryApply(new ActuationCommand { DecisionId = decision.Id, Service = decision.Service, Weights = decision.Weights }, out var outcome, out var error))
            return Result(decision.Id, "route", decision.Service, ActuationStatuses.Failed, 0, 0, error);
        var status = outcome.Effective ? ActuationStatuses.Applied : ActuationStatuses.RecommendOnly;
        if (outcome.Effective) _order.Applied("route", decision.Service, decision.WindowEnd);
        return Result(decision.Id, "route", decision.Service, status, outcome.PreviousReplicas, outcome.AppliedReplicas, outcome.Message)
            with { Weights = decision.Weights };
    }

    /// <summary>Why a decision must not be applied for being out of date, or null.</summary>
    private string? Staleness(string kind, string service, DateTimeOffset windowEnd, DateTimeOffset decidedAt)
    {
        if (_order.NewerThan(kind, service, windowEnd) is { } newer)
            return string.Create(CultureInfo.InvariantCulture,
                $"stale: window end {windowEnd.UtcDateTime:O} is older than {newer.UtcDateTime:O}, already applied for {service}; ignored");
        var age = time.GetUtcNow() - decidedAt;
        if (options.MaxDecisionAge is { } max && age > max)
            return string.Create(CultureInfo.InvariantCulture,
                $"stale: decided {age.TotalSeconds:0} s before it arrived (limit {max.TotalSeconds:0} s; a replay or a new consumer group); ignored");
        return null;
    }

    private bool TryApply(ActuationCommand command, out TargetOutcome outcome, out string error)
    {
        try
        {
            outcome = target.Apply(command);
            error = "";
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or HttpRequestException or TimeoutException)
        {
            outcome = new TargetOutcome(0, 0, false, "");
            error = $"target {target.Name} failed: {e.Message}";
            return false;
        }
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

using System.Collections.Concurrent;
using Pipeline.Actuator.Targets;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>An actuator target that applies every command and counts the applications per decision id, shared by every instance.</summary>
internal sealed class CountingTarget(ConcurrentDictionary<string, int> applied) : IActuatorTarget
{
    public string Name => "counting";

    public TargetOutcome Apply(ActuationCommand command)
    {
        applied.AddOrUpdate(command.DecisionId, 1, (_, n) => n + 1);
        return new TargetOutcome(1, command.DesiredReplicas ?? 1, true, "counted");
    }
}

using Pipeline.Actuator.Targets;

namespace Pipeline.Cli.Fleet;

/// <summary>Passes commands to a target and counts the scale commands that changed the replica count (for sim-to-real).</summary>
internal sealed class CountingTarget(IActuatorTarget inner) : IActuatorTarget
{
    private long _changes;

    public string Name => inner.Name;

    /// <summary>Scale commands that changed the count.</summary>
    public long ScaleChanges => Interlocked.Read(ref _changes);

    public TargetOutcome Apply(ActuationCommand command)
    {
        var outcome = inner.Apply(command);
        if (command.DesiredReplicas is not null && outcome.AppliedReplicas != outcome.PreviousReplicas) Interlocked.Increment(ref _changes);
        return outcome;
    }
}

namespace Pipeline.Actuator.Safety;

/// <summary>Options of the actuator stage.</summary>
public sealed class ActuatorOptions
{
    /// <summary>Target name (<see cref="Targets.ActuatorTargetNames"/>).</summary>
    public string Target { get; set; } = Targets.ActuatorTargetNames.DryRun;

    /// <summary>Fewest replicas the actuator ever applies.</summary>
    public int MinReplicas { get; set; } = 1;

    /// <summary>Most replicas the actuator ever applies.</summary>
    public int MaxReplicas { get; set; } = 50;

    /// <summary>
    /// Decisions made longer than this before they reach the actuator (by its clock) are stale and not applied, so a new
    /// consumer group or a replay from the earliest offset cannot apply old replica counts again; null = no limit (the
    /// simulator's evaluation, which applies every decision at once in virtual time). <c>pipeline actuator</c> sets 2 min.
    /// </summary>
    public TimeSpan? MaxDecisionAge { get; set; }

    /// <summary>Decision ids remembered for de-duplication.</summary>
    public int RememberedDecisions { get; set; } = 100_000;
}

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

    /// <summary>Decision ids remembered for de-duplication.</summary>
    public int RememberedDecisions { get; set; } = 100_000;
}

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

    /// <summary>
    /// When partitions are assigned, the results published this long back (and since the first decision it re-reads) are
    /// read back from the actuations topic and their ids remembered: a decision another instance handled, re-read here or
    /// decided again upstream after a rebalance (same id), is then a duplicate, not applied twice. Longer than a rebalance
    /// plus the predictor's commit lag; each assignment reads this much of the topic.
    /// </summary>
    public TimeSpan ResultsReadBack { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Decision ids remembered for de-duplication.</summary>
    public int RememberedDecisions { get; set; } = 100_000;
}

namespace Pipeline.Actuator.Targets;

/// <summary>Where decisions take effect: the simulated cluster, a log (dry run), later Kubernetes or a proxy.</summary>
public interface IActuatorTarget
{
    /// <summary>Name used to select the target (<see cref="ActuatorTargetNames"/>).</summary>
    string Name { get; }

    /// <summary>Applies one bounded, de-duplicated command and says what changed.</summary>
    TargetOutcome Apply(ActuationCommand command);
}

/// <summary>A command for a target: a replica count (<see cref="DesiredReplicas"/>) or routing weights (<see cref="Weights"/>).</summary>
public sealed record ActuationCommand
{
    public required string DecisionId { get; init; }
    public required string Service { get; init; }

    /// <summary>Replicas to run, for a scale command.</summary>
    public int? DesiredReplicas { get; init; }

    /// <summary>Weight per replica, for a route command.</summary>
    public IReadOnlyDictionary<string, double>? Weights { get; init; }
}

/// <summary>What a target did: replica counts before and after, whether it really changed anything, and a note.</summary>
public sealed record TargetOutcome(int PreviousReplicas, int AppliedReplicas, bool Effective, string Message);

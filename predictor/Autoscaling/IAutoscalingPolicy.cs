using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Autoscaling;

/// <summary>
/// An autoscaling policy: turns the latest feature window of a service into a replica count.
/// Implementations keep per-service state (recommendation history, models) but read time only from
/// <see cref="AutoscalingContext.Now"/>, so the live predictor and the simulator drive the same code.
/// </summary>
public interface IAutoscalingPolicy
{
    /// <summary>Name used to select the policy in options and on the command line.</summary>
    string Name { get; }

    /// <summary>Decides the desired replicas for one service from one window.</summary>
    ScaleDecision Decide(AutoscalingContext context);

    /// <summary>
    /// Whether the policy sizes the fleet from the windows' measured utilization (directly, or through a capacity learned
    /// from it). A balancer must then keep that signal honest across heterogeneous replicas. True unless a policy says otherwise.
    /// </summary>
    bool SizesFromUtilization => true;

    /// <summary>Drops the state kept for <paramref name="service"/> (idle past the stage's eviction time); a later window starts it afresh.</summary>
    void Forget(string service) { }
}

/// <summary>Everything a policy may look at for one decision.</summary>
public sealed record AutoscalingContext
{
    public required string Service { get; init; }

    /// <summary>Decision time (virtual in the simulator).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The newest closed feature window of the service.</summary>
    public required FeatureWindow Window { get; init; }

    /// <summary>Replicas currently requested (the scale target's spec), ready or not.</summary>
    public required int CurrentReplicas { get; init; }
    public int MinReplicas { get; init; } = 1;
    public int MaxReplicas { get; init; } = 100;
}

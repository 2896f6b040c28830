using System.Collections.Concurrent;

namespace Pipeline.Actuator.Targets;

/// <summary>
/// The <c>simulator</c> target when the simulated cluster runs in another process (<c>pipeline ingest --source
/// simulator</c>): the published <see cref="Contracts.Messages.ActuationResult"/> is the command, which that process
/// follows (scale results as the replica count, route results with the weights they carry). Tracks the replica count it
/// last set per service.
/// </summary>
public sealed class SimulatorRelayTarget : IActuatorTarget
{
    private readonly ConcurrentDictionary<string, int> _replicas = new(StringComparer.Ordinal);

    public string Name => ActuatorTargetNames.Simulator;

    public TargetOutcome Apply(ActuationCommand command)
    {
        var previous = _replicas.GetValueOrDefault(command.Service);
        if (command.DesiredReplicas is { } desired)
        {
            _replicas[command.Service] = desired;
            var change = previous == desired ? $"kept {command.Service} at {desired} replicas" : $"scaled {command.Service} from {previous} to {desired} replicas";
            return new TargetOutcome(previous, desired, true, $"{change} (relayed to the simulated cluster via the actuations topic)");
        }
        return new TargetOutcome(previous, previous, true, $"set {command.Weights?.Count ?? 0} route weights on {command.Service} (relayed with the weights)");
    }
}

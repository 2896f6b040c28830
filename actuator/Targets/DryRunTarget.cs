using System.Collections.Concurrent;

namespace Pipeline.Actuator.Targets;

/// <summary>Changes nothing: remembers the replica count it was asked for per service and reports the would-be change.</summary>
internal sealed class DryRunTarget : IActuatorTarget
{
    private readonly ConcurrentDictionary<string, int> _replicas = new(StringComparer.Ordinal);

    public string Name => ActuatorTargetNames.DryRun;

    public TargetOutcome Apply(ActuationCommand command)
    {
        var previous = _replicas.GetValueOrDefault(command.Service);
        if (command.DesiredReplicas is { } desired)
        {
            _replicas[command.Service] = desired;
            return new TargetOutcome(previous, desired, false, $"dry-run: would scale {command.Service} from {previous} to {desired}");
        }
        var weights = string.Join(' ', (command.Weights ?? new Dictionary<string, double>()).Select(w => $"{w.Key}={w.Value:0.###}"));
        return new TargetOutcome(previous, previous, false, $"dry-run: would route {command.Service} {weights}");
    }
}

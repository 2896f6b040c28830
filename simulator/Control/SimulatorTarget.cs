using Pipeline.Actuator.Targets;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Simulator.Control;

/// <summary>Applies decisions to the in-process <see cref="SimulatedCluster"/> (shared with the ingest source; both lock the instance).</summary>
public sealed class SimulatorTarget(SimulatedCluster cluster) : IActuatorTarget
{
    public string Name => ActuatorTargetNames.Simulator;

    public TargetOutcome Apply(ActuationCommand command)
    {
        lock (cluster)
        {
            if (!cluster.Services.Contains(command.Service, StringComparer.Ordinal))
                throw new InvalidOperationException($"service '{command.Service}' is not in the simulated cluster ({string.Join(", ", cluster.Services)})");
            var previous = cluster.Counts(command.Service).Desired;
            if (command.DesiredReplicas is { } desired)
            {
                cluster.SetDesiredReplicas(command.Service, desired);
                return new TargetOutcome(previous, desired, true, previous == desired
                    ? $"{command.Service} already at {desired} replicas"
                    : $"scaled {command.Service} from {previous} to {desired} replicas");
            }
            cluster.SetRouteWeights(command.Service, command.Weights ?? new Dictionary<string, double>());
            return new TargetOutcome(previous, previous, true, $"set {command.Weights?.Count ?? 0} route weights on {command.Service}");
        }
    }
}

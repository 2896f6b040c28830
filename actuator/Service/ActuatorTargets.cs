using Microsoft.Extensions.DependencyInjection;
using Pipeline.Actuator.Targets;

namespace Pipeline.Actuator.Service;

/// <summary>Creates the actuator target chosen by name; an unknown name is rejected with the known ones.</summary>
public static class ActuatorTargets
{
    /// <summary>
    /// The target named <paramref name="name"/>. <c>simulator</c> acts on the <see cref="Simulator.Cluster.SimulatedCluster"/>
    /// in <paramref name="services"/> when there is one, else relays through the actuations topic to the process that runs it.
    /// </summary>
    public static IActuatorTarget Create(string name, IServiceProvider services) => ActuatorTargetNames.Validate(name) switch
    {
        ActuatorTargetNames.Simulator => services.GetService<Simulator.Cluster.SimulatedCluster>() is { } cluster
            ? new SimulatorTarget(cluster)
            : new SimulatorRelayTarget(),
        _ => new DryRunTarget(),
    };
}

using Pipeline.Actuator.Targets;
using Pipeline.Contracts.Plugins;

namespace Pipeline.Actuator.Service;

/// <summary>Actuator targets by name (the <see cref="PluginRegistry{TPlugin}"/> shape).</summary>
public static class ActuatorTargets
{
    /// <summary>
    /// The built-in targets: <c>dry-run</c>, and <c>simulator</c> relaying through the actuations topic to the process
    /// that runs the simulated cluster. A process that runs the cluster itself, or other targets (the local fleet),
    /// replaces or adds entries before creating.
    /// </summary>
    public static PluginRegistry<IActuatorTarget> CreateDefault() =>
        new PluginRegistry<IActuatorTarget>("actuator target")
            .Add(ActuatorTargetNames.DryRun, () => new DryRunTarget())
            .Add(ActuatorTargetNames.Simulator, () => new SimulatorRelayTarget());
}

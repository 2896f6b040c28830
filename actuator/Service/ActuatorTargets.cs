using Pipeline.Actuator.Targets;
using Pipeline.Actuator.Targets.Kubernetes;
using Pipeline.Contracts.Plugins;

namespace Pipeline.Actuator.Service;

/// <summary>Actuator targets by name (the <see cref="PluginRegistry{TPlugin}"/> shape).</summary>
public static class ActuatorTargets
{
    /// <summary>
    /// The built-in targets: <c>dry-run</c>, <c>simulator</c> relaying through the actuations topic to the process
    /// that runs the simulated cluster, and <c>kubernetes</c> with default options. A process that runs the cluster itself,
    /// or other targets (the local fleet), replaces or adds entries before creating.
    /// </summary>
    public static PluginRegistry<IActuatorTarget> CreateDefault() => CreateDefault(new KubernetesTargetOptions());

    /// <summary>The built-in targets, <c>kubernetes</c> with <paramref name="kubernetes"/> (credentials are read when it is created).</summary>
    public static PluginRegistry<IActuatorTarget> CreateDefault(KubernetesTargetOptions kubernetes) =>
        new PluginRegistry<IActuatorTarget>("actuator target")
            .Add(ActuatorTargetNames.DryRun, () => new DryRunTarget())
            .Add(ActuatorTargetNames.Simulator, () => new SimulatorRelayTarget())
            .Add(ActuatorTargetNames.Kubernetes, () => new KubernetesScaleTarget(KubernetesClients.Create(kubernetes), kubernetes));
}

namespace Pipeline.Actuator.Targets;

/// <summary>Names of the built-in actuator targets.</summary>
public static class ActuatorTargetNames
{
    /// <summary>Applies decisions to the simulated cluster (in this process, or relayed to the process that runs it).</summary>
    public const string Simulator = "simulator";

    /// <summary>Applies nothing; reports what it would do.</summary>
    public const string DryRun = "dry-run";

    /// <summary>Starts and stops real replica processes behind the local proxy (the fleet).</summary>
    public const string Local = "local";

    /// <summary>Scales a Kubernetes Deployment or StatefulSet through its scale subresource.</summary>
    public const string Kubernetes = "kubernetes";
}

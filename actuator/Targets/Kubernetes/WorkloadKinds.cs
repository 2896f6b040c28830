namespace Pipeline.Actuator.Targets.Kubernetes;

/// <summary>Workload kinds the <c>kubernetes</c> target scales through their <c>scale</c> subresource (apps/v1).</summary>
public static class WorkloadKinds
{
    /// <summary><c>apps/v1</c> Deployment.</summary>
    public const string Deployment = "deployment";

    /// <summary><c>apps/v1</c> StatefulSet.</summary>
    public const string StatefulSet = "statefulset";

    /// <summary>Both kinds, for help texts and validation.</summary>
    public static IReadOnlyList<string> All { get; } = [Deployment, StatefulSet];
}

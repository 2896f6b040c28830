using k8s;
using k8s.Models;

namespace Pipeline.Actuator.Targets.Kubernetes;

/// <summary>The apps/v1 calls of one workload kind: read and patch its <c>scale</c> subresource, read its status.</summary>
internal sealed class ScaleSubresource(IKubernetes client, KubernetesTargetOptions options)
{
    private readonly bool _statefulSet = options.WorkloadKind == WorkloadKinds.StatefulSet;

    public string Kind => _statefulSet ? "StatefulSet" : "Deployment";

    public Task<V1Scale> ReadAsync(WorkloadRef workload, CancellationToken ct) => _statefulSet
        ? client.AppsV1.ReadNamespacedStatefulSetScaleAsync(workload.Name, workload.Namespace, cancellationToken: ct)
        : client.AppsV1.ReadNamespacedDeploymentScaleAsync(workload.Name, workload.Namespace, cancellationToken: ct);

    /// <summary>JSON merge patch of <c>spec.replicas</c>, guarded by <paramref name="resourceVersion"/> (a concurrent change answers 409).</summary>
    public Task<V1Scale> PatchAsync(WorkloadRef workload, int replicas, string? resourceVersion, CancellationToken ct)
    {
        var guard = resourceVersion is { Length: > 0 } ? $"\"metadata\":{{\"resourceVersion\":{System.Text.Json.JsonSerializer.Serialize(resourceVersion)}}}," : "";
        var patch = new V1Patch($"{{{guard}\"spec\":{{\"replicas\":{replicas}}}}}", V1Patch.PatchType.MergePatch);
        var dryRun = options.DryRun ? "All" : null;
        return _statefulSet
            ? client.AppsV1.PatchNamespacedStatefulSetScaleAsync(patch, workload.Name, workload.Namespace, dryRun: dryRun, fieldManager: options.FieldManager, cancellationToken: ct)
            : client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, workload.Name, workload.Namespace, dryRun: dryRun, fieldManager: options.FieldManager, cancellationToken: ct);
    }

    /// <summary>Replicas the controller runs now and how many of them are ready.</summary>
    public async Task<(int Current, int Ready)> StatusAsync(WorkloadRef workload, CancellationToken ct)
    {
        if (_statefulSet)
        {
            var set = await client.AppsV1.ReadNamespacedStatefulSetAsync(workload.Name, workload.Namespace, cancellationToken: ct).ConfigureAwait(false);
            return (set.Status?.Replicas ?? 0, set.Status?.ReadyReplicas ?? 0);
        }
        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync(workload.Name, workload.Namespace, cancellationToken: ct).ConfigureAwait(false);
        return (deployment.Status?.Replicas ?? 0, deployment.Status?.ReadyReplicas ?? 0);
    }
}

using k8s;

namespace Pipeline.Actuator.Targets.Kubernetes;

/// <summary>
/// The <c>kubernetes</c> target: sets a service's Deployment (or StatefulSet) replica count through the <c>scale</c>
/// subresource — read it, merge-patch <c>spec.replicas</c> guarded by the read <c>resourceVersion</c> (server-side dry run
/// when configured), then read back current and ready replicas. A conflict, 404, 403 or server error throws with the API
/// server's reason, so the actuation is <c>failed</c>. Route weights are not a Kubernetes concept: reported, not applied.
/// </summary>
internal sealed class KubernetesScaleTarget(IKubernetes client, KubernetesTargetOptions options) : IActuatorTarget
{
    private readonly ScaleSubresource _scale = new(client, options);

    public string Name => ActuatorTargetNames.Kubernetes;

    public TargetOutcome Apply(ActuationCommand command)
    {
        var workload = options.Workloads.TryGetValue(command.Service, out var mapped) ? mapped : new WorkloadRef(options.Namespace, command.Service);
        if (command.DesiredReplicas is not { } desired)
            return new TargetOutcome(0, 0, false, $"kubernetes scales only: route weights for {command.Service} not applied");
        var what = $"{_scale.Kind} {workload}";
        var read = Call(ct => _scale.ReadAsync(workload, ct), $"reading the scale of {what}");
        var previous = read.Spec?.Replicas ?? 0;
        var patched = Call(ct => _scale.PatchAsync(workload, desired, read.Metadata?.ResourceVersion, ct), $"scaling {what} to {desired}");
        var applied = patched.Spec?.Replicas ?? desired;
        var (current, ready) = Call(ct => _scale.StatusAsync(workload, ct), $"reading the status of {what}");
        var change = previous == applied ? $"kept {what} at {applied} replicas" : $"scaled {what} from {previous} to {applied} replicas";
        var dryRun = options.DryRun ? " (server-side dry run: validated, not persisted)" : "";
        return new TargetOutcome(previous, applied, !options.DryRun, $"{change}{dryRun}; now {current} running, {ready} ready");
    }

    private T Call<T>(Func<CancellationToken, Task<T>> call, string action)
    {
        using var timeout = new CancellationTokenSource(options.Timeout);
        try
        {
            return call(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or OperationCanceledException or HttpRequestException)
        {
            throw KubernetesApiErrors.Translate(e, action, options.Timeout);
        }
    }
}

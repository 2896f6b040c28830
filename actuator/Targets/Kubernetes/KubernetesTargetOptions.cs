namespace Pipeline.Actuator.Targets.Kubernetes;

/// <summary>Options of the <c>kubernetes</c> actuator target.</summary>
public sealed class KubernetesTargetOptions
{
    /// <summary>Namespace of a service's workload when <see cref="Workloads"/> does not name one.</summary>
    public string Namespace { get; set; } = "default";

    /// <summary><see cref="WorkloadKinds.Deployment"/> or <see cref="WorkloadKinds.StatefulSet"/>.</summary>
    public string WorkloadKind { get; set; } = WorkloadKinds.Deployment;

    /// <summary>Workload per service id; a service not listed scales the workload named like it in <see cref="Namespace"/>.</summary>
    public IReadOnlyDictionary<string, WorkloadRef> Workloads { get; set; } = new Dictionary<string, WorkloadRef>();

    /// <summary>Kubeconfig file; empty: <c>$KUBECONFIG</c>, else in-cluster credentials inside a pod, else <c>~/.kube/config</c>.</summary>
    public string Kubeconfig { get; set; } = "";

    /// <summary>Kubeconfig context; empty: the current context.</summary>
    public string Context { get; set; } = "";

    /// <summary>Send every change as a server-side dry run (<c>dryRun=All</c>): validated and admitted, never persisted.</summary>
    public bool DryRun { get; set; }

    /// <summary>Field manager recorded on the changes (<c>fieldManager</c>).</summary>
    public string FieldManager { get; set; } = "pipeline-actuator";

    /// <summary>Time allowed for one API call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

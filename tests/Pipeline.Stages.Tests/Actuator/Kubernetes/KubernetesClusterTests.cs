using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Actuator.Targets.Kubernetes;
using Pipeline.Contracts.Messages;

namespace Pipeline.Stages.Tests.Actuator.Kubernetes;

/// <summary>
/// The <c>kubernetes</c> target against the real cluster of <c>KUBECONFIG</c>: a server-side dry run of the workload in
/// <c>PIPELINE_K8S_WORKLOAD</c> (namespace/name of a Deployment, default kube-system/coredns) to its current replica
/// count, so nothing in the cluster changes.
/// </summary>
public sealed class KubernetesClusterTests
{
    [KubernetesClusterFact]
    public void Scale_RealClusterServerSideDryRun_ReadsAndAdmitsWithoutChange()
    {
        var text = Environment.GetEnvironmentVariable("PIPELINE_K8S_WORKLOAD") is { Length: > 0 } w ? w : "kube-system/coredns";
        var workload = WorkloadRef.ParseMap($"probe={text}", "default")["probe"];
        var options = new KubernetesTargetOptions { Kubeconfig = Environment.GetEnvironmentVariable("KUBECONFIG")!, DryRun = true, Workloads = new Dictionary<string, WorkloadRef> { ["probe"] = workload } };
        var target = ActuatorTargets.CreateDefault(options).Create(ActuatorTargetNames.Kubernetes);
        var first = new Actuation(target, new ActuatorOptions { MinReplicas = 0, MaxReplicas = 1000 }, TimeProvider.System);
        var current = target.Apply(new ActuationCommand { DecisionId = "read", Service = "probe", DesiredReplicas = 0 }).PreviousReplicas;

        var result = first.Scale(new ScaleDecision
        {
            Id = Guid.NewGuid().ToString("N"), Service = "probe", Timestamp = DateTimeOffset.UtcNow, Policy = "test",
            DesiredReplicas = current, Explanation = "dry-run probe",
        });

        Assert.True(result.Status == ActuationStatuses.RecommendOnly, result.Message);
        Assert.Equal(current, result.PreviousReplicas);
        Assert.Contains("server-side dry run", result.Message, StringComparison.Ordinal);
    }
}

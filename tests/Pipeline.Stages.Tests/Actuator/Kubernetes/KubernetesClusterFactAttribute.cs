namespace Pipeline.Stages.Tests.Actuator.Kubernetes;

/// <summary>A fact that runs only when <c>KUBECONFIG</c> names an existing kubeconfig file (a real cluster); otherwise skipped with the reason.</summary>
public sealed class KubernetesClusterFactAttribute : FactAttribute
{
    public KubernetesClusterFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (string.IsNullOrWhiteSpace(path)) Skip = "real-cluster test skipped: KUBECONFIG is not set (the contract-server tests cover the API shapes)";
        else if (!File.Exists(path.Split(Path.PathSeparator)[0])) Skip = $"real-cluster test skipped: KUBECONFIG names {path}, which does not exist";
    }
}

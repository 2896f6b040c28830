using k8s;
using k8s.Exceptions;

namespace Pipeline.Actuator.Targets.Kubernetes;

/// <summary>
/// Builds the API client from credentials: the kubeconfig file in the options, else the first file of <c>$KUBECONFIG</c>,
/// else in-cluster (service account token and CA inside a pod), else <c>~/.kube/config</c>. Unusable credentials throw
/// <see cref="InvalidOperationException"/> with the reason.
/// </summary>
public static class KubernetesClients
{
    /// <summary>A client for the cluster <paramref name="options"/> name.</summary>
    public static IKubernetes Create(KubernetesTargetOptions options)
    {
        var context = options.Context.Length > 0 ? options.Context : null;
        var file = options.Kubeconfig.Length > 0 ? options.Kubeconfig
            : Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        try
        {
            var config = file.Length > 0 ? KubernetesClientConfiguration.BuildConfigFromConfigFile(file, context)
                : KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: context);
            return new k8s.Kubernetes(config);
        }
        catch (KubeConfigException e)
        {
            throw new InvalidOperationException($"no usable Kubernetes credentials: {e.Message}", e);
        }
    }
}

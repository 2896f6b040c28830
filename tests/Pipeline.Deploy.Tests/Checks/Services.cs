using k8s.Models;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests.Checks;

/// <summary>Resolves a Service's ports onto the containers of the pods it selects.</summary>
internal static class Services
{
    public static IEnumerable<V1Service> In(IEnumerable<Manifest> manifests) => manifests.Select(m => m.Object).OfType<V1Service>();

    /// <summary>Pods of <paramref name="manifests"/> in the service's namespace whose labels match its selector.</summary>
    public static IEnumerable<PodTemplate> Selected(V1Service service, IEnumerable<Manifest> manifests) =>
        PodTemplate.In(manifests).Where(p => p.Namespace == service.Metadata.NamespaceProperty
            && service.Spec.Selector.All(s => p.Template.Metadata.Labels?.TryGetValue(s.Key, out var v) == true && v == s.Value));

    /// <summary>The container port a service port's targetPort (name or number) names in <paramref name="pod"/>, or null.</summary>
    public static V1ContainerPort? Target(V1ServicePort port, PodTemplate pod)
    {
        var target = port.TargetPort?.Value ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return pod.Spec.Containers.SelectMany(c => c.Ports ?? []).FirstOrDefault(p => p.Name == target || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
    }
}

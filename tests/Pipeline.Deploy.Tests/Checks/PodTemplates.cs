using k8s.Models;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests.Checks;

/// <summary>A pod template of a manifest (Deployment, StatefulSet or Job) and the namespace it runs in.</summary>
internal sealed record PodTemplate(Manifest Source, string Namespace, V1PodTemplateSpec Template)
{
    public V1PodSpec Spec => Template.Spec;

    public override string ToString() => $"{Source.File} {Overlay.KindOf(Source.Object)}/{Overlay.NameOf(Source.Object)}";

    public static IEnumerable<PodTemplate> In(IEnumerable<Manifest> manifests)
    {
        foreach (var m in manifests)
        {
            var (meta, template) = m.Object switch
            {
                V1Deployment d => (d.Metadata, d.Spec.Template),
                V1StatefulSet s => (s.Metadata, s.Spec.Template),
                V1Job j => (j.Metadata, j.Spec.Template),
                _ => (null, null),
            };
            if (template is not null) yield return new PodTemplate(m, meta?.NamespaceProperty ?? "default", template);
        }
    }
}

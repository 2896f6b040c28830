using k8s;
using k8s.Models;

namespace Pipeline.Deploy.Tests.Manifests;

/// <summary>
/// What <c>kubectl apply -k deploy/&lt;folder&gt;</c> would send: the folder's resources, folders resolved through their
/// own kustomization, then its patches applied to the object of the patch's kind and name (which must exist).
/// </summary>
internal static class Overlay
{
    /// <summary>Folders of deploy/ that are applied on their own.</summary>
    public static readonly string[] Applied = ["keda", "keda-tls", "kubernetes-target", "forecast-only", "kafka"];

    public static IReadOnlyList<Manifest> Build(string folder)
    {
        var kustomization = Kustomization.Load(folder);
        var objects = new List<Manifest>();
        foreach (var resource in kustomization.Resources)
        {
            var path = Path.GetRelativePath(Repository.Deploy, Path.GetFullPath(Path.Combine(Repository.Deploy, folder, resource)));
            objects.AddRange(Directory.Exists(Path.Combine(Repository.Deploy, path)) ? Build(path) : ManifestLoader.LoadFile(path));
        }
        foreach (var patch in kustomization.Patches)
        {
            var index = objects.FindIndex(m => KindOf(m.Object) == patch.Target.Kind && NameOf(m.Object) == patch.Target.Name);
            if (index < 0) throw new InvalidOperationException($"{folder}: patch target {patch.Target.Kind}/{patch.Target.Name} not found");
            objects[index] = objects[index] with { Object = objects[index].Object is V1Deployment d ? JsonPatch.Apply(d, patch.Patch) : throw new NotSupportedException($"{folder}: patches apply to Deployments only here") };
        }
        return objects;
    }

    public static string KindOf(object o) => o switch
    {
        IKubernetesObject k => k.Kind,
        ScaledObject s => s.Kind ?? "",
        TriggerAuthentication t => t.Kind ?? "",
        _ => o.GetType().Name,
    };

    public static V1ObjectMeta? MetadataOf(object o) => o switch
    {
        IMetadata<V1ObjectMeta> m => m.Metadata,
        ScaledObject s => s.Metadata,
        TriggerAuthentication t => t.Metadata,
        _ => null,
    };

    public static string NameOf(object o) => MetadataOf(o)?.Name ?? "";
}

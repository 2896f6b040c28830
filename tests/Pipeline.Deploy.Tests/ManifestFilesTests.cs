using k8s;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests;

/// <summary>Every file of deploy/ loads as typed Kubernetes objects, strictly, and every overlay builds.</summary>
public sealed class ManifestFilesTests
{
    public static TheoryData<string> Files => [.. Repository.ManifestFiles()];

    public static TheoryData<string> Overlays => [.. Overlay.Applied];

    [Theory]
    [MemberData(nameof(Files))]
    public void LoadAllFromString_EveryManifest_TypedObjectsWithNameAndNamespace(string file)
    {
        var objects = ManifestLoader.LoadFile(file).ToList();

        Assert.NotEmpty(objects);
        Assert.All(objects, m => Assert.True(m.Object is IKubernetesObject or ScaledObject or TriggerAuthentication, $"{m} is not a typed model"));
        Assert.All(objects, m => Assert.NotEqual("", Overlay.NameOf(m.Object)));
    }

    [Fact]
    public void LoadAllFromString_MisspeltField_Throws()
    {
        const string yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicaz: 1\n";

        Assert.ThrowsAny<Exception>(() => ManifestLoader.Parse(yaml));
    }

    [Fact]
    public void LoadAllFromString_ScaledObjectWithUndocumentedField_Throws()
    {
        const string yaml = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: x\nspec:\n  scaleTargetRef:\n    nmae: web\n";

        Assert.ThrowsAny<Exception>(() => ManifestLoader.Parse(yaml));
    }

    [Fact]
    public void Kustomizations_ListEveryManifestOfTheirFolder()
    {
        foreach (var folder in Repository.ManifestFiles().GroupBy(f => Path.GetDirectoryName(f)!))
        {
            var listed = Kustomization.Load(folder.Key).Resources.Where(r => r.EndsWith(".yaml", StringComparison.Ordinal)).Order();

            Assert.Equal(folder.Select(Path.GetFileName).Order(), listed);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Build_EveryOverlay_ObjectsUniqueByKindNamespaceAndName(string overlay)
    {
        var objects = Overlay.Build(overlay);

        var keys = objects.Select(m => $"{Overlay.KindOf(m.Object)}/{Namespace(m.Object)}/{Overlay.NameOf(m.Object)}").ToList();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    private static string Namespace(object o) => Overlay.MetadataOf(o)?.NamespaceProperty ?? "";
}

using Pipeline.Deploy.Tests.Checks;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests;

/// <summary>Where a real kustomize is installed: it builds every overlay into the same objects and stage arguments the tests check.</summary>
public sealed class KustomizeTests
{
    public static TheoryData<string> Overlays => [.. Overlay.Applied];

    [KustomizeTheory]
    [MemberData(nameof(Overlays))]
    public void KubectlKustomize_EveryOverlay_SameObjectsAndStageArgsAsTheTestsBuild(string overlay)
    {
        var real = Kustomize.Build(overlay);
        var ours = Overlay.Build(overlay);

        Assert.Equal(Keys(ours), Keys(real));
        Assert.Equal(Args(ours), Args(real));
    }

    private static string[] Keys(IEnumerable<Manifest> objects) =>
        [.. objects.Select(m => $"{Overlay.KindOf(m.Object)}/{Overlay.MetadataOf(m.Object)?.NamespaceProperty}/{Overlay.NameOf(m.Object)}").Order(StringComparer.Ordinal)];

    private static string[] Args(IEnumerable<Manifest> objects) =>
        [.. StageContainer.In(objects).Select(c => string.Join(' ', c.Args)).Order(StringComparer.Ordinal)];
}

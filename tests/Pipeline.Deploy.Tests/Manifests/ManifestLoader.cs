using k8s;

namespace Pipeline.Deploy.Tests.Manifests;

/// <summary>One object of a manifest file, typed by KubernetesClient's models (or <see cref="ScaledObject"/>).</summary>
internal sealed record Manifest(string File, object Object)
{
    public override string ToString() => $"{File}: {Object.GetType().Name}";
}

/// <summary>
/// Loads manifests with <see cref="KubernetesYaml.LoadAllFromString"/> in strict mode: an unknown field anywhere, or an
/// apiVersion/kind without a model, throws. KEDA's ScaledObject and TriggerAuthentication are mapped onto <see cref="ScaledObject"/> and <see cref="TriggerAuthentication"/>.
/// </summary>
internal static class ManifestLoader
{
    private static readonly Dictionary<string, Type> Custom = new()
    {
        [$"{ScaledObject.ApiVersionValue}/{ScaledObject.KindValue}"] = typeof(ScaledObject),
        [$"{ScaledObject.ApiVersionValue}/{TriggerAuthentication.KindValue}"] = typeof(TriggerAuthentication),
    };

    public static IReadOnlyList<object> Parse(string yaml) => KubernetesYaml.LoadAllFromString(yaml, Custom, strict: true);

    /// <summary>The objects of <paramref name="file"/> (relative to <c>deploy/</c>).</summary>
    public static IEnumerable<Manifest> LoadFile(string file) =>
        Parse(File.ReadAllText(Path.Combine(Repository.Deploy, file))).Select(o => new Manifest(file, o));
}

using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Deploy.Tests.Manifests;

/// <summary>
/// The part of a <c>kustomization.yaml</c> deploy/ uses: resources (files or folders with their own kustomization) and
/// JSON 6902 patches on a target. Loaded strictly: any other field fails, since <see cref="Overlay"/> would ignore it.
/// </summary>
internal sealed class Kustomization
{
    public const string FileName = "kustomization.yaml";

    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public List<string> Resources { get; set; } = [];
    public List<KustomizePatch> Patches { get; set; } = [];

    /// <summary>The kustomization of <paramref name="folder"/> (relative to <c>deploy/</c>).</summary>
    public static Kustomization Load(string folder)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Deploy, folder, FileName));
        return new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<Kustomization>(text);
    }
}

internal sealed class KustomizePatch
{
    public PatchTarget Target { get; set; } = new();
    public string Patch { get; set; } = "";
}

internal sealed class PatchTarget
{
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
}

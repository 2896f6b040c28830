using k8s.Models;
using Pipeline.Deploy.Tests.Manifests;
using YamlDotNet.Serialization;

namespace Pipeline.Deploy.Tests.Checks;

/// <summary>A container that runs the pipeline image, with the stage command it runs (its first argument).</summary>
internal sealed record StageContainer(PodTemplate Pod, V1Container Container)
{
    /// <summary>The image every stage runs in docker-compose.yml (<c>x-stage.image</c>), built from ./Dockerfile.</summary>
    public static string Image { get; } = ComposeStageImage();

    public IReadOnlyList<string> Args => [.. Container.Args ?? []];

    public string Command => Args.Count > 0 ? Args[0] : "";

    public T? Value<T>(string option) => PipelineCli.Value<T>(Args, option);

    public override string ToString() => $"{Pod} container {Container.Name}";

    /// <summary>Containers of the pipeline image in <paramref name="manifests"/>.</summary>
    public static IEnumerable<StageContainer> In(IEnumerable<Manifest> manifests) =>
        PodTemplates(manifests).SelectMany(p => p.Spec.Containers.Where(c => c.Image == Image).Select(c => new StageContainer(p, c)));

    /// <summary>The stage container running <paramref name="command"/>; throws when there is not exactly one.</summary>
    public static StageContainer Single(IEnumerable<Manifest> manifests, string command) => In(manifests).Single(c => c.Command == command);

    private static IEnumerable<PodTemplate> PodTemplates(IEnumerable<Manifest> manifests) => PodTemplate.In(manifests);

    private static string ComposeStageImage()
    {
        var compose = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml")));
        var stage = (Dictionary<object, object>)compose["x-stage"];
        return (string)stage["image"];
    }
}

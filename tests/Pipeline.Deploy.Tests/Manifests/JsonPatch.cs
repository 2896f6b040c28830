using System.Text.Json.Nodes;
using k8s;
using YamlDotNet.Serialization;

namespace Pipeline.Deploy.Tests.Manifests;

/// <summary>
/// The JSON patch (RFC 6902) operations deploy/'s kustomizations use, applied to a typed object through its JSON form:
/// <c>add</c> (to an object member, an array index or the array's end <c>-</c>) and <c>replace</c>. Any other op throws.
/// </summary>
internal static class JsonPatch
{
    public static T Apply<T>(T target, string patchYaml)
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(target))!;
        foreach (var op in new DeserializerBuilder().Build().Deserialize<List<Dictionary<string, string>>>(patchYaml))
        {
            var segments = op["path"].Split('/')[1..];
            var parent = segments[..^1].Aggregate(json, (node, s) => node is JsonArray a ? a[int.Parse(s)]! : node[s]!);
            var last = segments[^1];
            var value = JsonValue.Create(op["value"]);
            switch (op["op"], parent)
            {
                case ("add", JsonArray array): if (last == "-") array.Add(value); else array.Insert(int.Parse(last), value); break;
                case ("add" or "replace", JsonObject obj): obj[last] = value; break;
                case ("replace", JsonArray array): array[int.Parse(last)] = value; break;
                default: throw new NotSupportedException($"JSON patch op '{op["op"]}' on {op["path"]}");
            }
        }
        return KubernetesJson.Deserialize<T>(json.ToJsonString());
    }
}

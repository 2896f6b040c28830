using System.Text.Json.Nodes;
using k8s;
using YamlDotNet.Serialization;

namespace Pipeline.Deploy.Tests.Manifests;

/// <summary>
/// The JSON patch (RFC 6902) operations deploy/'s kustomizations use, applied to a typed object through its JSON form:
/// <c>add</c> (to an object member, an array index or the array's end <c>-</c>) and <c>replace</c>. Any other op throws.
/// Values may be strings or YAML maps and lists of strings (the patches hold no numbers or booleans).
/// </summary>
internal static class JsonPatch
{
    public static T Apply<T>(T target, string patchYaml)
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(target))!;
        foreach (var op in new DeserializerBuilder().Build().Deserialize<List<Dictionary<string, object>>>(patchYaml))
        {
            var (kind, path) = ((string)op["op"], (string)op["path"]);
            var segments = path.Split('/')[1..];
            var parent = segments[..^1].Aggregate(json, (node, s) => node is JsonArray a ? a[int.Parse(s)]! : node[s]!);
            var last = segments[^1];
            var value = Node(op["value"]);
            switch (kind, parent)
            {
                case ("add", JsonArray array): if (last == "-") array.Add(value); else array.Insert(int.Parse(last), value); break;
                case ("add" or "replace", JsonObject obj): obj[last] = value; break;
                case ("replace", JsonArray array): array[int.Parse(last)] = value; break;
                default: throw new NotSupportedException($"JSON patch op '{kind}' on {path}");
            }
        }
        return KubernetesJson.Deserialize<T>(json.ToJsonString());
    }

    private static JsonNode Node(object yaml) => yaml switch
    {
        string text => JsonValue.Create(text),
        Dictionary<object, object> map => new JsonObject(map.Select(p => KeyValuePair.Create((string)p.Key, (JsonNode?)Node(p.Value)))),
        List<object> list => new JsonArray([.. list.Select(Node)]),
        _ => throw new NotSupportedException($"patch value {yaml}"),
    };
}

using System.Text.Json.Nodes;

namespace Pipeline.Dashboards.Tests;

/// <summary>docker-compose.yml as JSON, read with Python's yaml module (installed with Debian's docker-compose), anchors and merge keys resolved.</summary>
internal static class ComposeModel
{
    public static string FilePath => RepoPaths.Combine("docker-compose.yml");

    public static JsonObject Load()
    {
        var result = ExternalTool.Run("python3",
            ["-c", "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", FilePath],
            RepoPaths.Root, TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"could not read docker-compose.yml with python3-yaml (bash scripts/install-deps.sh installs docker-compose, which brings it):\n{result.Output}");
        return JsonNode.Parse(result.Output)!.AsObject();
    }

    public static IEnumerable<(string Name, JsonObject Service)> Services(JsonObject compose) =>
        compose["services"]!.AsObject().Select(p => (p.Key, p.Value!.AsObject()));

    /// <summary>Bind mounts (<c>./host:/container[:mode]</c>) of a service as (host path relative to the repo, container path).</summary>
    public static IEnumerable<(string Host, string Container)> BindMounts(JsonObject service)
    {
        if (service["volumes"] is not JsonArray volumes) yield break;
        foreach (var v in volumes)
        {
            var parts = v!.GetValue<string>().Split(':');
            if (parts[0].StartsWith('.') || parts[0].StartsWith('/')) yield return (parts[0], parts[1]);
        }
    }
}

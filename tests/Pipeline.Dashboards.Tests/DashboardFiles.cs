using System.Text.Json.Nodes;

namespace Pipeline.Dashboards.Tests;

/// <summary>The dashboards of dashboards/json with their panels, targets, annotation and variable queries.</summary>
internal sealed record DashboardFile(string Name, JsonObject Json)
{
    public IEnumerable<JsonObject> Panels => Json["panels"]!.AsArray().Select(p => p!.AsObject());

    /// <summary>InfluxQL annotation queries (those with a target query).</summary>
    public IEnumerable<(string Name, string Query)> AnnotationQueries =>
        Json["annotations"]!["list"]!.AsArray()
            .Where(a => a!["target"]?["query"] is not null)
            .Select(a => (a!["name"]!.GetValue<string>(), a["target"]!["query"]!.GetValue<string>()));

    /// <summary>Query variables (name, InfluxQL).</summary>
    public IEnumerable<(string Name, string Query)> VariableQueries =>
        Json["templating"]!["list"]!.AsArray()
            .Where(v => v!["type"]!.GetValue<string>() == "query")
            .Select(v => (v!["name"]!.GetValue<string>(), v["query"]!.GetValue<string>()));
}

internal static class DashboardFiles
{
    public static IReadOnlyList<DashboardFile> Load() =>
        Directory.GetFiles(RepoPaths.DashboardJsonDir, "*.json").Order()
            .Select(f => new DashboardFile(Path.GetFileName(f), JsonNode.Parse(File.ReadAllText(f))!.AsObject()))
            .ToList();
}

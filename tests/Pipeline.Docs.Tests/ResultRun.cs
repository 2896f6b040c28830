using System.Text.Json;

namespace Pipeline.Docs.Tests;

/// <summary>One run of a result file: its metrics by JSON path (<c>avgResponseMs</c>, <c>elasticity.underAccuracy</c>).</summary>
internal sealed class ResultRun(string file, JsonElement run)
{
    public string Autoscaler => run.GetProperty("autoscaler").GetString()!;
    public string Balancer => run.GetProperty("balancer").GetString()!;

    /// <summary>"nasa-7d.json predictive/least-request", for messages.</summary>
    public string Name => $"{file} {Autoscaler}/{Balancer}";

    /// <summary>The metric's value; null when the file holds null; throws when the path does not exist.</summary>
    public double? Value(string path)
    {
        var element = run;
        foreach (var part in path.Split('.'))
        {
            if (!element.TryGetProperty(part, out element)) throw new KeyNotFoundException($"{Name} has no '{path}'");
        }
        return element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
    }
}

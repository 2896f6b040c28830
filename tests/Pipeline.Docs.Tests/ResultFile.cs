using System.Text.Json;

namespace Pipeline.Docs.Tests;

/// <summary>A committed <c>results.json</c> of <c>pipeline evaluate --report</c>: <c>{"runs":[...]}</c>.</summary>
internal sealed class ResultFile
{
    private readonly List<ResultRun> _runs;

    private ResultFile(string name, List<ResultRun> runs)
    {
        Name = name;
        _runs = runs;
    }

    /// <summary>The file name without directory, e.g. <c>nasa-7d.json</c>.</summary>
    public string Name { get; }

    public static ResultFile Parse(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var runs = document.RootElement.GetProperty("runs").EnumerateArray()
            .Select(run => new ResultRun(name, run.Clone())).ToList();
        return new ResultFile(name, runs);
    }

    /// <summary>Loads <c>docs/results/{name}.json</c>.</summary>
    public static ResultFile Load(string name) =>
        Parse(name + ".json", File.ReadAllText(Path.Combine(Repository.ResultsDirectory, name + ".json")));

    /// <summary>The one run of this autoscaler and balancer; throws naming the file when absent or ambiguous.</summary>
    public ResultRun Run(string autoscaler, string balancer = "least-request")
    {
        var matches = _runs.Where(r => r.Autoscaler == autoscaler && r.Balancer == balancer).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new KeyNotFoundException($"{Name} has {matches.Count} runs of {autoscaler}/{balancer}, expected 1");
    }
}

namespace Pipeline.Ingest.Sources;

/// <summary>Names of the built-in metric sources.</summary>
public static class MetricSourceNames
{
    /// <summary>The simulated cluster's per-replica samples.</summary>
    public const string Simulator = "simulator";

    /// <summary>This machine's CPU and memory from <c>/proc</c>.</summary>
    public const string Host = "host";

    /// <summary>Every built-in name.</summary>
    public static IReadOnlyList<string> All { get; } = [Simulator, Host];

    /// <summary>Throws naming the known sources when <paramref name="name"/> is not one of them.</summary>
    public static string Validate(string name) => All.Contains(name, StringComparer.Ordinal)
        ? name
        : throw new ArgumentException($"Unknown metric source '{name}'. Known sources: {string.Join(", ", All)}.", nameof(name));
}

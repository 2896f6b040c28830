namespace Pipeline.Ingest.Sources;

/// <summary>Names of the built-in metric sources.</summary>
public static class MetricSourceNames
{
    /// <summary>The simulated cluster's per-replica samples.</summary>
    public const string Simulator = "simulator";

    /// <summary>This machine's CPU and memory from <c>/proc</c>.</summary>
    public const string Host = "host";

    /// <summary>Replicas' Prometheus metrics: scraped directly, or queried from a Prometheus server.</summary>
    public const string Prometheus = "prometheus";
}

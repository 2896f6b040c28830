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

    /// <summary>
    /// Samples pushed over HTTP (<c>POST /samples</c>), acknowledged once on the metrics topic. Not an
    /// <see cref="IMetricSource"/>: clients push, nothing is collected per tick (<see cref="Push.PushIngestService"/>).
    /// </summary>
    public const string Http = "http";
}

using Pipeline.Ingest.Sources.Prometheus.Query;
using Pipeline.Ingest.Sources.Prometheus.Scrape;

namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>Options of the <c>prometheus</c> metric source.</summary>
public sealed class PrometheusSourceOptions
{
    /// <summary><see cref="PrometheusModes.Scrape"/> (read targets directly) or <see cref="PrometheusModes.Query"/> (PromQL).</summary>
    public string Mode { get; set; } = PrometheusModes.Scrape;

    /// <summary>Service id every sample is published under.</summary>
    public string Service { get; set; } = "web";

    /// <summary>Scrape mode: the replicas and their metrics URLs.</summary>
    public IReadOnlyList<ScrapeTarget> Targets { get; set; } = [];

    /// <summary>Scrape mode: which series each field is read from.</summary>
    public ScrapeSelectors Selectors { get; set; } = new();

    /// <summary>Query mode: base address of the Prometheus server.</summary>
    public Uri PrometheusUrl { get; set; } = new("http://127.0.0.1:9090");

    /// <summary>Query mode: the label whose value names the replica; replaces <c>$replica</c> in the queries.</summary>
    public string ReplicaLabel { get; set; } = "instance";

    /// <summary>Query mode: the PromQL per field.</summary>
    public PromQueries Queries { get; set; } = new();

    /// <summary>Time allowed for one scrape or one query.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Factor from the latency histogram's unit to milliseconds (Prometheus histograms are in seconds).</summary>
    public double LatencyToMs { get; set; } = 1000;

    /// <summary>Scrape mode: CPU cores a replica may use; utilization is CPU seconds per interval second over this.</summary>
    public double CpuCores { get; set; } = 1;
}

using Prometheus;

namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>Exports <see cref="PrometheusSourceStats"/> into a prometheus-net registry (the stage's <c>/metrics</c>).</summary>
public static class PrometheusSourceMetrics
{
    /// <summary>Adds <c>pipeline_prometheus_source_problems_total{problem}</c> and <c>pipeline_prometheus_source_samples_total</c>, brought up to date before each scrape.</summary>
    public static void Register(CollectorRegistry registry, PrometheusSourceStats stats)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        var problems = factory.CreateCounter("pipeline_prometheus_source_problems_total",
            "Problems of the prometheus metric source: scrape_failed, query_failed, missing_series, replica_absent, counter_reset, malformed_line.", "problem");
        var samples = factory.CreateCounter("pipeline_prometheus_source_samples_total", "Samples the prometheus metric source produced.");
        registry.AddBeforeCollectCallback(() =>
        {
            problems.WithLabels("scrape_failed").IncTo(stats.ScrapeFailures);
            problems.WithLabels("query_failed").IncTo(stats.QueryFailures);
            problems.WithLabels("missing_series").IncTo(stats.MissingSeries);
            problems.WithLabels("replica_absent").IncTo(stats.AbsentReplicas);
            problems.WithLabels("counter_reset").IncTo(stats.CounterResets);
            problems.WithLabels("malformed_line").IncTo(stats.MalformedLines);
            samples.IncTo(stats.Samples);
        });
    }
}

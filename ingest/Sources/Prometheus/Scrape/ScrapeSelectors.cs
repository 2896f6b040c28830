namespace Pipeline.Ingest.Sources.Prometheus.Scrape;

/// <summary>
/// Scrape mode: the series each field is read from (a metric name with optional PromQL-style label matchers, summed over
/// the matching series). Defaults follow OpenTelemetry's HTTP server metrics as Prometheus exports them. An empty
/// selector leaves the field unread.
/// </summary>
public sealed class ScrapeSelectors
{
    /// <summary>Cumulative requests completed (counter); its increase is the sample's requests and completed.</summary>
    public string Requests { get; set; } = "http_server_request_duration_seconds_count";

    /// <summary>Cumulative failed requests (counter).</summary>
    public string Errors { get; set; } = "http_server_request_duration_seconds_count{http_response_status_code=~\"5..\"}";

    /// <summary>Latency histogram family (its <c>_bucket</c> and <c>_sum</c> series).</summary>
    public string LatencyHistogram { get; set; } = "http_server_request_duration_seconds";

    /// <summary>Cumulative CPU seconds (counter); utilization = its increase / interval / cores.</summary>
    public string CpuSeconds { get; set; } = "process_cpu_seconds_total";

    /// <summary>Requests in flight (gauge).</summary>
    public string InFlight { get; set; } = "http_server_active_requests";

    /// <summary>Readiness (gauge, &gt; 0 = ready); empty: a replica that answered the scrape is ready.</summary>
    public string Ready { get; set; } = "";
}

namespace Pipeline.Ingest.Sources.Prometheus.Query;

/// <summary>
/// Query mode: the PromQL instant query of each field, grouped by the replica label (<c>$replica</c> is replaced by
/// <see cref="PrometheusSourceOptions.ReplicaLabel"/>). Counters are queried cumulative (not <c>rate</c>): the source takes
/// their increase between collections itself, with resets handled, so the counts are exact. Defaults follow OpenTelemetry's
/// HTTP server metrics and the standard process metrics. An empty query leaves the field unread.
/// </summary>
public sealed class PromQueries
{
    /// <summary>Cumulative completed requests per replica.</summary>
    public string Requests { get; set; } = "sum by ($replica) (http_server_request_duration_seconds_count)";

    /// <summary>Cumulative failed requests per replica.</summary>
    public string Errors { get; set; } = "sum by ($replica) (http_server_request_duration_seconds_count{http_response_status_code=~\"5..\"})";

    /// <summary>Cumulative latency histogram buckets per replica and <c>le</c>.</summary>
    public string LatencyBuckets { get; set; } = "sum by ($replica, le) (http_server_request_duration_seconds_bucket)";

    /// <summary>Cumulative sum of latencies per replica (histogram unit).</summary>
    public string LatencySum { get; set; } = "sum by ($replica) (http_server_request_duration_seconds_sum)";

    /// <summary>Busy fraction per replica (0..1), used as is.</summary>
    public string Utilization { get; set; } = "sum by ($replica) (rate(process_cpu_seconds_total[1m]))";

    /// <summary>Requests in flight per replica.</summary>
    public string InFlight { get; set; } = "sum by ($replica) (http_server_active_requests)";

    /// <summary>Readiness per replica (&gt; 0 = ready).</summary>
    public string Ready { get; set; } = "max by ($replica) (up)";
}

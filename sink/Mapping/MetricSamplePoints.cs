using Pipeline.Contracts.Messages;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary><see cref="MetricSample"/> → one <c>metric_sample</c> point per replica and interval.</summary>
public static class MetricSamplePoints
{
    public static Point From(MetricSample s)
    {
        var interval = s.IntervalSeconds > 0 ? s.IntervalSeconds : double.NaN;
        var point = new Point(Measurements.MetricSample, s.Timestamp)
            .Tag(TagKeys.Service, s.Service)
            .Tag(TagKeys.Replica, s.Replica)
            .Field("requests", s.Requests)
            .Field("completed", s.Completed)
            .Field("errors", s.Errors)
            .Field("request_rate", s.Requests / interval)
            .Field("error_rate", s.Completed > 0 ? (double)s.Errors / s.Completed : 0)
            .Field("utilization", s.Utilization)
            .Field("in_flight", s.InFlight)
            .Field("ready", s.Ready)
            .Field("interval_s", s.IntervalSeconds)
            .Field("latency_mean_ms", s.Completed > 0 ? s.LatencySumMs / s.Completed : double.NaN);
        if (s.LatencyCounts.Length > 0)
        {
            point.Field("latency_p50_ms", LatencyBuckets.Quantile(s.LatencyCounts, 0.50))
                .Field("latency_p95_ms", LatencyBuckets.Quantile(s.LatencyCounts, 0.95))
                .Field("latency_p99_ms", LatencyBuckets.Quantile(s.LatencyCounts, 0.99));
        }
        if (s.MemoryBytes is { } memory) point.Field("memory_bytes", memory);
        return point;
    }
}

using Pipeline.Contracts.Messages;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary>
/// <see cref="FeatureWindow"/> → one <c>feature_window</c> point (service level, with the normalized values as
/// <c>norm_*</c> fields) and one <c>replica_features</c> point per replica, all stamped at the window's end.
/// </summary>
public static class FeatureWindowPoints
{
    public static IEnumerable<Point> From(FeatureWindow w)
    {
        var window = new Point(Measurements.FeatureWindow, w.WindowEnd)
            .Tag(TagKeys.Service, w.Service)
            .Field("window_s", (w.WindowEnd - w.WindowStart).TotalSeconds)
            .Field("sample_count", w.SampleCount)
            .Field("replicas", w.Replicas)
            .Field("ready_replicas", w.ReadyReplicas)
            .Field("request_rate", w.RequestRate)
            .Field("throughput", w.Throughput)
            .Field("error_rate", w.ErrorRate)
            .Field("utilization", w.Utilization)
            .Field("in_flight", w.InFlight)
            .Field("latency_mean_ms", w.LatencyMeanMs)
            .Field("latency_p50_ms", w.LatencyP50Ms)
            .Field("latency_p95_ms", w.LatencyP95Ms)
            .Field("latency_p99_ms", w.LatencyP99Ms);
        foreach (var (key, value) in w.Normalized.OrderBy(p => p.Key, StringComparer.Ordinal))
            window.Field(FieldNames.Prefixed("norm_", key), value);
        yield return window;

        foreach (var r in w.ReplicaFeatures)
        {
            yield return new Point(Measurements.ReplicaFeatures, w.WindowEnd)
                .Tag(TagKeys.Service, w.Service)
                .Tag(TagKeys.Replica, r.Replica)
                .Field("ready", r.Ready)
                .Field("request_rate", r.RequestRate)
                .Field("throughput", r.Throughput)
                .Field("error_rate", r.ErrorRate)
                .Field("utilization", r.Utilization)
                .Field("in_flight", r.InFlight)
                .Field("latency_mean_ms", r.LatencyMeanMs)
                .Field("latency_p99_ms", r.LatencyP99Ms);
        }
    }
}

using Pipeline.Contracts.Messages;
using Pipeline.Features.Normalization;

namespace Pipeline.Features.Windowing;

/// <summary>
/// Turns a closed <see cref="WindowAccumulator"/> into a <see cref="FeatureWindow"/>.
/// Rates divide a replica's counts by max(window length, the replica's summed sample intervals): a replica that reported
/// for part of the window contributes its share of the window average, and samples longer than the window are not
/// over-counted. Readiness and in-flight come from each replica's latest sample; utilization is the interval-weighted
/// mean per replica, averaged over the ready replicas; latency percentiles come from the merged histograms.
/// </summary>
internal static class FeatureWindowBuilder
{
    /// <summary>The window's features, scored by <paramref name="normalizer"/> when given (in window order per service).</summary>
    public static FeatureWindow Build(string service, WindowAccumulator window, FeatureNormalizer? normalizer = null)
    {
        var windowSeconds = (window.End - window.Start).TotalSeconds;
        var ordered = window.OrderedReplicas();
        var replicas = new List<ReplicaFeatures>(ordered.Length);
        long[]? merged = null;
        double requestRate = 0, throughput = 0, readyUtilization = 0, latencySum = 0;
        long completed = 0, errors = 0, latencyCount = 0;
        int ready = 0, inFlight = 0;

        foreach (var r in ordered)
        {
            var divisor = Math.Max(windowSeconds, r.IntervalSeconds);
            var features = new ReplicaFeatures
            {
                Replica = r.Replica,
                Ready = r.LatestReady,
                RequestRate = r.Requests / divisor,
                Throughput = r.Completed / divisor,
                ErrorRate = r.Completed > 0 ? (double)r.Errors / r.Completed : 0,
                Utilization = r.Utilization,
                InFlight = r.LatestInFlight,
                LatencyMeanMs = r.LatencyMeanMs,
                LatencyP99Ms = r.LatencyCounts is null ? double.NaN : LatencyBuckets.Quantile(r.LatencyCounts, 0.99),
            };
            replicas.Add(features);
            requestRate += features.RequestRate;
            throughput += features.Throughput;
            completed += r.Completed;
            errors += r.Errors;
            inFlight += r.LatestInFlight;
            latencySum += r.LatencySumMs;
            latencyCount += r.LatencyCount;
            if (r.LatestReady)
            {
                ready++;
                readyUtilization += r.Utilization;
            }
            if (r.LatencyCounts is not null)
            {
                merged ??= new long[LatencyBuckets.Count];
                LatencyBuckets.AddInto(merged, r.LatencyCounts);
            }
        }

        var utilization = ready > 0 ? readyUtilization / ready : 0;
        var errorRate = completed > 0 ? (double)errors / completed : 0;
        var p95 = Quantile(merged, 0.95);
        return new FeatureWindow
        {
            Service = service,
            WindowStart = window.Start,
            WindowEnd = window.End,
            SampleCount = window.SampleCount,
            Replicas = replicas.Count,
            ReadyReplicas = ready,
            RequestRate = requestRate,
            Throughput = throughput,
            ErrorRate = errorRate,
            Utilization = utilization,
            InFlight = inFlight,
            LatencyMeanMs = latencyCount > 0 ? latencySum / latencyCount : double.NaN,
            LatencyP50Ms = Quantile(merged, 0.50),
            LatencyP95Ms = p95,
            LatencyP99Ms = Quantile(merged, 0.99),
            ReplicaFeatures = replicas,
            Normalized = normalizer?.Score(service, requestRate, utilization, p95, errorRate) ?? ScoreMap.Empty,
        };
    }

    private static double Quantile(long[]? counts, double q) => counts is null ? double.NaN : LatencyBuckets.Quantile(counts, q);
}

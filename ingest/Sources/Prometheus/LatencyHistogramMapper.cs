using Pipeline.Contracts.Messages;

namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>
/// Maps a Prometheus histogram's per-interval increases per <c>le</c> bound (cumulative over bounds) onto
/// <see cref="LatencyBuckets"/>: each Prometheus bucket's own count goes to the <see cref="LatencyBuckets"/> bucket holding
/// its upper bound (every latency in it is at most that bound, so quantiles are upper estimates), <c>+Inf</c> to the
/// overflow bucket.
/// </summary>
internal static class LatencyHistogramMapper
{
    /// <summary>Counts per <see cref="LatencyBuckets"/> bucket; <paramref name="toMs"/> converts the histogram's unit to ms.</summary>
    public static long[] Map(IReadOnlyList<(double UpperBound, double Cumulative)> increases, double toMs)
    {
        var counts = new long[LatencyBuckets.Count];
        var below = 0.0;
        foreach (var (upper, cumulative) in increases.OrderBy(b => b.UpperBound))
        {
            var own = Math.Max(0, cumulative - below);
            below = Math.Max(below, cumulative);
            var index = double.IsPositiveInfinity(upper) ? LatencyBuckets.Count - 1 : LatencyBuckets.IndexOf(upper * toMs);
            counts[index] += (long)Math.Round(own);
        }
        return counts;
    }
}

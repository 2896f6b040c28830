using Pipeline.Contracts.Messages;

namespace Pipeline.Simulator.Cluster;

/// <summary>
/// Maps a latency to its <see cref="LatencyBuckets"/> index without a logarithm in the common case: a table over
/// the fine <see cref="LatencyHistogram"/> buckets, falling back to <see cref="LatencyBuckets.IndexOf"/> only for
/// the few fine buckets that straddle a coarse bound. The result equals <see cref="LatencyBuckets.IndexOf"/>.
/// </summary>
internal static class CoarseLatencyIndex
{
    private static readonly int[] Table = Build();

    public static int Of(double seconds) => OfFine(LatencyHistogram.IndexOf(seconds), seconds);

    /// <summary>Same as <see cref="Of"/> when the fine index is already known.</summary>
    public static int OfFine(int fineIndex, double seconds)
    {
        var mapped = Table[fineIndex];
        return mapped >= 0 ? mapped : LatencyBuckets.IndexOf(seconds * 1000);
    }

    private static int[] Build()
    {
        var table = new List<int>();
        for (var i = 0; ; i++)
        {
            var lo = LatencyHistogram.LowerBound(i);
            if (LatencyHistogram.IndexOf(lo) != i) break;
            var hi = LatencyHistogram.LowerBound(i + 1);
            // The bucket is [lo, hi); coarse buckets are (bound_{k-1}, bound_k]. Same index at both ends (and just
            // above lo, to respect the inclusive upper bounds) means the whole bucket maps to it.
            var a = LatencyBuckets.IndexOf(lo * 1000);
            var b = LatencyBuckets.IndexOf(Math.BitDecrement(hi) * 1000);
            table.Add(a == b ? a : -1);
        }
        return [.. table];
    }
}

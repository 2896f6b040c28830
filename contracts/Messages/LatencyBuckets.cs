using System.Numerics;

namespace Pipeline.Contracts.Messages;

/// <summary>
/// The fixed latency histogram every <see cref="MetricSample"/> uses: upper bounds in milliseconds growing by
/// 25% from 0.5 ms, plus a final overflow bucket. Fixed bounds make histograms mergeable across replicas and windows.
/// </summary>
public static class LatencyBuckets
{
    /// <summary>Growth factor between consecutive upper bounds.</summary>
    public const double Growth = 1.25;

    /// <summary>Upper bound of the first bucket, in milliseconds.</summary>
    public const double FirstUpperBoundMs = 0.5;

    /// <summary>Upper bounds (inclusive) of the finite buckets, in milliseconds: 0.5 ms up to about 60 s.</summary>
    public static IReadOnlyList<double> UpperBoundsMs { get; } = BuildBounds();

    /// <summary>Number of counts in a histogram: the finite buckets plus the overflow bucket.</summary>
    public static int Count => UpperBoundsMs.Count + 1;

    /// <summary>Index of the bucket a latency falls into.</summary>
    public static int IndexOf(double latencyMs)
    {
        if (latencyMs <= FirstUpperBoundMs) return 0;
        var i = (int)Math.Ceiling(Math.Log(latencyMs / FirstUpperBoundMs, Growth) - 1e-9);
        return Math.Min(i, UpperBoundsMs.Count);
    }

    /// <summary>Latency at quantile <paramref name="q"/> (0..1) of a histogram, interpolated geometrically within its bucket; NaN when empty.</summary>
    public static double Quantile(ReadOnlySpan<long> counts, double q)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return double.NaN;
        var rank = q * total;
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0) continue;
            if (seen + counts[i] >= rank)
            {
                var upper = i < UpperBoundsMs.Count ? UpperBoundsMs[i] : UpperBoundsMs[^1] * Growth;
                var lower = i == 0 ? 0 : UpperBoundsMs[i - 1];
                var fraction = (rank - seen) / counts[i];
                return i == 0 ? upper * fraction : lower * Math.Pow(upper / lower, fraction);
            }
            seen += counts[i];
        }
        return UpperBoundsMs[^1];
    }

    /// <summary>
    /// Adds <paramref name="counts"/> into the first entries of <paramref name="into"/> (at least as long) and returns
    /// their total, a vector of counts at a time: merging is the features stage's work for every sample.
    /// </summary>
    public static long AddInto(Span<long> into, ReadOnlySpan<long> counts)
    {
        into = into[..counts.Length];
        var width = Vector<long>.Count;
        var sum = Vector<long>.Zero;
        var i = 0;
        for (; i <= counts.Length - width; i += width)
        {
            var v = new Vector<long>(counts[i..]);
            (new Vector<long>(into[i..]) + v).CopyTo(into[i..]);
            sum += v;
        }
        var total = Vector.Sum(sum);
        for (; i < counts.Length; i++)
        {
            into[i] += counts[i];
            total += counts[i];
        }
        return total;
    }

    private static double[] BuildBounds()
    {
        var bounds = new List<double>();
        for (var b = FirstUpperBoundMs; b <= 60_000; b *= Growth) bounds.Add(b);
        return [.. bounds];
    }
}

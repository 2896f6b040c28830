namespace Pipeline.Simulator.Cluster;

/// <summary>
/// Fine log-linear latency histogram: 128 sub-buckets per power of two (relative error under 0.6%), from 1 µs to
/// about 17 minutes. The bucket index comes from the bits of the double, so recording costs no logarithm.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 7;
    private const int MinExponent = -20; // 2^-20 s ~ 1 µs
    private const int MaxExponent = 10;  // 2^10 s ~ 17 min
    private const int Buckets = (MaxExponent - MinExponent) << SubBits;
    private static readonly long MinBits = BitConverter.DoubleToInt64Bits(Math.Pow(2, MinExponent)) >> (52 - SubBits);
    private readonly long[] _counts = new long[Buckets];

    /// <summary>Recorded values.</summary>
    public long Count { get; private set; }

    /// <summary>Sum of the recorded values in seconds.</summary>
    public double SumSeconds { get; private set; }

    /// <summary>Bucket index of a latency in seconds (clamped to the histogram's range).</summary>
    public static int IndexOf(double seconds)
    {
        if (!(seconds > 0)) return 0;
        var i = (BitConverter.DoubleToInt64Bits(seconds) >> (52 - SubBits)) - MinBits;
        return i < 0 ? 0 : i >= Buckets ? Buckets - 1 : (int)i;
    }

    /// <summary>Lower bound in seconds of bucket <paramref name="index"/>.</summary>
    public static double LowerBound(int index) => BitConverter.Int64BitsToDouble((index + MinBits) << (52 - SubBits));

    /// <summary>Adds one latency in seconds.</summary>
    public void Record(double seconds) => RecordAt(IndexOf(seconds), seconds);

    internal void RecordAt(int index, double seconds)
    {
        _counts[index]++;
        Count++;
        SumSeconds += seconds;
    }

    /// <summary>Adds another histogram's counts.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < Buckets; i++) _counts[i] += other._counts[i];
        Count += other.Count;
        SumSeconds += other.SumSeconds;
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Count = 0;
        SumSeconds = 0;
    }

    /// <summary>Number of buckets (length of the array <see cref="CopyCountsTo"/> fills).</summary>
    public static int BucketCount => Buckets;

    /// <summary>Copies the bucket counts (for differences between two moments).</summary>
    public void CopyCountsTo(Span<long> destination) => _counts.CopyTo(destination);

    /// <summary>Latency (seconds) at quantile q in 0..1, interpolated linearly within the bucket; NaN when empty.</summary>
    public double Quantile(double q) => Quantile(_counts, q);

    /// <summary>Quantile of raw bucket counts (e.g. the difference of two <see cref="CopyCountsTo"/> copies); NaN when empty.</summary>
    public static double Quantile(ReadOnlySpan<long> counts, double q)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return double.NaN;
        var rank = Math.Clamp(q, 0, 1) * total;
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            var c = counts[i];
            if (c == 0) continue;
            if (seen + c >= rank)
            {
                var lo = LowerBound(i);
                var hi = LowerBound(i + 1);
                return lo + (hi - lo) * Math.Clamp((rank - seen) / c, 0, 1);
            }
            seen += c;
        }
        return LowerBound(Buckets);
    }

    /// <summary>Fraction of recorded values at or below <paramref name="seconds"/> (bucket resolution).</summary>
    public double CumulativeFraction(double seconds)
    {
        if (Count == 0) return double.NaN;
        var last = IndexOf(seconds);
        long seen = 0;
        for (var i = 0; i <= last; i++) seen += _counts[i];
        return seen / (double)Count;
    }
}

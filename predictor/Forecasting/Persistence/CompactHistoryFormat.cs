namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>
/// The body of a compact history file (<see cref="HistoryFile"/>, magic "HIS3"): step, origin, first index, held points,
/// bucket factor, full-resolution points, bucket count, then the bucket means of the held points older than the
/// full-resolution span and the full-resolution points, all float32 as the history holds them.
/// </summary>
internal static class CompactHistoryFormat
{
    /// <summary>Bytes before the values, magic included.</summary>
    public const int HeaderBytes = sizeof(int) + 3 * sizeof(long) + 4 * sizeof(int);

    /// <summary>Writes everything after the magic number.</summary>
    public static void Write(BinaryWriter writer, RateHistory history, HistoryCompaction compaction)
    {
        long first = history.FirstIndex, fullFrom = history.FullResolutionFrom;
        var k = compaction.Factor;
        var buckets = fullFrom > first ? (int)((fullFrom - 1) / k - first / k + 1) : 0;
        writer.Write(history.Step.Ticks);
        writer.Write(history.Count == 0 ? 0L : history.TimeOf(0).UtcTicks);
        writer.Write(first);
        writer.Write(history.Available);
        writer.Write(k);
        writer.Write((int)(history.Count - fullFrom));
        writer.Write(buckets);
        for (var b = 0; b < buckets; b++) writer.Write((float)history[Math.Max(first, (first / k + b) * k)]);
        for (var i = fullFrom; i < history.Count; i++) writer.Write((float)history[i]);
    }

    /// <summary>
    /// Reads the values after a header already checked for the step; the held points one per index (a bucket's mean for
    /// each of its points), or null with <paramref name="corrupt"/> saying why.
    /// </summary>
    public static IEnumerable<double>? Read(BinaryReader reader, long length, long first, out int count, out string? corrupt)
    {
        corrupt = null;
        count = reader.ReadInt32();
        var k = reader.ReadInt32();
        var recent = reader.ReadInt32();
        var buckets = reader.ReadInt32();
        if (k < 1) return Corrupt($"bucket factor {k} is not positive", out corrupt);
        if (count < 0 || recent < 0 || recent > count) return Corrupt($"{recent} full-resolution points of {count} held is not a split", out corrupt);
        var fullFrom = first + count - recent;
        var expected = fullFrom > first ? (fullFrom - 1) / k - first / k + 1 : 0;
        if (buckets != expected) return Corrupt($"bucket count {buckets} does not cover the {count - recent} older points ({expected} buckets of {k})", out corrupt);
        if ((length - HeaderBytes) != (long)(buckets + recent) * sizeof(float))
            return Corrupt($"{buckets} buckets and {recent} points do not match the {length - HeaderBytes} bytes of values", out corrupt);
        var means = new float[buckets];
        for (var b = 0; b < buckets; b++) means[b] = reader.ReadSingle();
        var points = new float[recent];
        for (var i = 0; i < recent; i++) points[i] = reader.ReadSingle();
        return Expand(means, points, first, fullFrom, k);
    }

    private static IEnumerable<double> Expand(float[] means, float[] points, long first, long fullFrom, int k)
    {
        for (var i = first; i < fullFrom; i++) yield return means[i / k - first / k];
        foreach (var p in points) yield return p;
    }

    private static IEnumerable<double>? Corrupt(string reason, out string corrupt)
    {
        corrupt = reason;
        return null;
    }
}

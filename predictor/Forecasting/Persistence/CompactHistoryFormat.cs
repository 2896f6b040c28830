namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>
/// The body of a compact history file (<see cref="HistoryFile"/>, magic "HIS3"): step, origin, first index, held points,
/// full-resolution points, run count; then the held points older than the full-resolution span as runs (length, float32
/// value: a bucket mean and the points that read it) and the full-resolution points as float32. Independent of the bucket
/// layout, so a reader with another layout still gets every point's value.
/// </summary>
internal static class CompactHistoryFormat
{
    /// <summary>Bytes before the values, magic included.</summary>
    public const int HeaderBytes = sizeof(int) + 3 * sizeof(long) + 3 * sizeof(int);

    /// <summary>Writes everything after the magic number.</summary>
    public static void Write(BinaryWriter writer, RateHistory history)
    {
        long first = history.FirstIndex, fullFrom = history.FullResolutionFrom;
        var runs = Runs(history, first, fullFrom);
        writer.Write(history.Step.Ticks);
        writer.Write(history.Count == 0 ? 0L : history.TimeOf(0).UtcTicks);
        writer.Write(first);
        writer.Write(history.Available);
        writer.Write((int)(history.Count - fullFrom));
        writer.Write(runs.Count);
        foreach (var (length, value) in runs)
        {
            writer.Write(length);
            writer.Write(value);
        }
        for (var i = fullFrom; i < history.Count; i++) writer.Write((float)history[i]);
    }

    /// <summary>
    /// Reads the values after a header already checked for the step; the held points one per index, or null with
    /// <paramref name="corrupt"/> saying why.
    /// </summary>
    public static IEnumerable<double>? Read(BinaryReader reader, long length, out int count, out string? corrupt)
    {
        corrupt = null;
        count = reader.ReadInt32();
        var recent = reader.ReadInt32();
        var runCount = reader.ReadInt32();
        if (count < 0 || recent < 0 || recent > count) return Corrupt($"{recent} full-resolution points of {count} held is not a split", out corrupt);
        if (runCount < 0 || length - HeaderBytes != (long)runCount * (sizeof(int) + sizeof(float)) + (long)recent * sizeof(float))
            return Corrupt($"{runCount} runs and {recent} points do not match the {length - HeaderBytes} bytes of values", out corrupt);
        var runs = new (int Length, float Value)[runCount];
        long older = 0;
        for (var r = 0; r < runCount; r++)
        {
            runs[r] = (reader.ReadInt32(), reader.ReadSingle());
            if (runs[r].Length < 1) return Corrupt($"run {r} has length {runs[r].Length}", out corrupt);
            older += runs[r].Length;
        }
        if (older != count - recent) return Corrupt($"runs cover {older} points, not the {count - recent} older than the full-resolution span", out corrupt);
        var points = new float[recent];
        for (var i = 0; i < recent; i++) points[i] = reader.ReadSingle();
        return Expand(runs, points);
    }

    private static List<(int Length, float Value)> Runs(RateHistory history, long from, long to)
    {
        var runs = new List<(int Length, float Value)>();
        for (var i = from; i < to; i++)
        {
            var value = (float)history[i];
            if (runs.Count > 0 && runs[^1].Value.Equals(value)) runs[^1] = (runs[^1].Length + 1, value);
            else runs.Add((1, value));
        }
        return runs;
    }

    private static IEnumerable<double> Expand((int Length, float Value)[] runs, float[] points)
    {
        foreach (var (length, value) in runs)
        {
            for (var i = 0; i < length; i++) yield return value;
        }
        foreach (var p in points) yield return p;
    }

    private static IEnumerable<double>? Corrupt(string reason, out string corrupt)
    {
        corrupt = reason;
        return null;
    }
}

namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>Binary file of a <see cref="RateHistory"/>: step, origin, first index, then the held points.</summary>
internal static class HistoryFile
{
    private const int Magic = 0x48495354; // "HIST"
    private const int HeaderBytes = sizeof(int) + 3 * sizeof(long) + sizeof(int);

    /// <summary>Writes <paramref name="history"/> atomically (<see cref="AtomicFile"/>).</summary>
    public static void Write(string path, RateHistory history) => AtomicFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(history.Step.Ticks);
        writer.Write(history.Count == 0 ? 0L : history.TimeOf(0).UtcTicks);
        writer.Write(history.FirstIndex);
        writer.Write(history.Available);
        for (var i = history.FirstIndex; i < history.Count; i++) writer.Write(history[i]);
    });

    /// <summary>
    /// The history in <paramref name="path"/> with the given ring capacity, or null when absent, of another step, or
    /// corrupt; <paramref name="corrupt"/> then says what is wrong with it (null when it is merely absent or of another step).
    /// </summary>
    public static RateHistory? Read(string path, TimeSpan step, int capacity, out string? corrupt)
    {
        corrupt = null;
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            if (stream.Length < HeaderBytes) return Corrupt($"{stream.Length} bytes, shorter than the {HeaderBytes}-byte header", out corrupt);
            if (reader.ReadInt32() != Magic) return Corrupt("not a history file (wrong magic number)", out corrupt);
            if (reader.ReadInt64() != step.Ticks) return null;
            var origin = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var first = reader.ReadInt64();
            var count = reader.ReadInt32();
            var room = (stream.Length - HeaderBytes) / sizeof(double);
            if (first < 0) return Corrupt($"first index {first} is negative", out corrupt);
            if (count < 0 || count != room) return Corrupt($"point count {count} does not match the {room} points the file holds", out corrupt);
            var points = new double[count];
            for (var i = 0; i < count; i++) points[i] = reader.ReadDouble();
            var skip = Math.Max(0, count - capacity);
            return RateHistory.Restore(step, capacity, origin, first + skip, points[skip..]);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return Corrupt($"{e.GetType().Name}: {e.Message}", out corrupt);
        }
    }

    private static RateHistory? Corrupt(string reason, out string corrupt)
    {
        corrupt = reason;
        return null;
    }
}

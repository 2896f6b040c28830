namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>Binary file of a <see cref="RateHistory"/>: step, origin, first index, then the held points.</summary>
internal static class HistoryFile
{
    private const int Magic = 0x48495354; // "HIST"

    public static void Write(string path, RateHistory history)
    {
        var temp = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temp)))
        {
            writer.Write(Magic);
            writer.Write(history.Step.Ticks);
            writer.Write(history.Count == 0 ? 0L : history.TimeOf(0).UtcTicks);
            writer.Write(history.FirstIndex);
            writer.Write(history.Available);
            for (var i = history.FirstIndex; i < history.Count; i++) writer.Write(history[i]);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The history in <paramref name="path"/> with the given ring capacity, or null when absent, corrupt or of another step.</summary>
    public static RateHistory? Read(string path, TimeSpan step, int capacity)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Magic) return null;
            if (reader.ReadInt64() != step.Ticks) return null;
            var origin = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var first = reader.ReadInt64();
            var count = reader.ReadInt32();
            var points = new double[count];
            for (var i = 0; i < count; i++) points[i] = reader.ReadDouble();
            var skip = Math.Max(0, count - capacity);
            return RateHistory.Restore(step, capacity, origin, first + skip, points[skip..]);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }
}

namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>
/// Binary file of a <see cref="RateHistory"/>: magic, step, origin, first index, point count, the held points, then the
/// SHA-256 of everything before it (<see cref="Checksum"/>). A compact history is written in its compact form
/// (<see cref="CompactHistoryFormat"/>, "HIS3"). Files of the earlier formats (doubles with or without a checksum) are
/// still read, into whichever storage the reader asks for.
/// </summary>
internal static class HistoryFile
{
    private const int CompactMagic = 0x33534948; // "HIS3": compact, with a trailing checksum
    private const int Magic = 0x32534948; // "HIS2": with a trailing checksum
    private const int LegacyMagic = 0x48495354; // "HIST": without
    private const int HeaderBytes = sizeof(int) + 3 * sizeof(long) + sizeof(int);

    /// <summary>Writes <paramref name="history"/> atomically (<see cref="AtomicFile"/>) with its checksum.</summary>
    public static void Write(string path, RateHistory history)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            if (history.Compaction is not null)
            {
                writer.Write(CompactMagic);
                CompactHistoryFormat.Write(writer, history);
            }
            else
            {
                WriteExact(writer, history);
            }
        }
        var hash = Checksum.Of(body.GetBuffer().AsSpan(0, (int)body.Length));
        AtomicFile.Write(path, stream =>
        {
            stream.Write(body.GetBuffer(), 0, (int)body.Length);
            stream.Write(hash);
        });
    }

    private static void WriteExact(BinaryWriter writer, RateHistory history)
    {
        writer.Write(Magic);
        writer.Write(history.Step.Ticks);
        writer.Write(history.Count == 0 ? 0L : history.TimeOf(0).UtcTicks);
        writer.Write(history.FirstIndex);
        writer.Write(history.Available);
        for (var i = history.FirstIndex; i < history.Count; i++) writer.Write(history[i]);
    }

    /// <summary>
    /// The history in <paramref name="path"/> with the given capacity, stored as <paramref name="compaction"/> says (null:
    /// doubles), or null when absent, of another step, or corrupt; <paramref name="corrupt"/> then says what is wrong with
    /// it (null when it is merely absent or of another step). Never throws for what the file holds.
    /// </summary>
    public static RateHistory? Read(string path, TimeSpan step, int capacity, out string? corrupt, HistoryCompaction? compaction = null)
    {
        corrupt = null;
        if (!File.Exists(path)) return null;
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < HeaderBytes) return Corrupt($"{bytes.Length} bytes, shorter than the {HeaderBytes}-byte header", out corrupt);
            var magic = BitConverter.ToInt32(bytes, 0);
            if (magic is Magic or CompactMagic && !Checksum.Trails(bytes))
                return Corrupt("checksum mismatch (the file changed after it was written, or is incomplete)", out corrupt);
            if (magic is not (Magic or LegacyMagic or CompactMagic)) return Corrupt("not a history file (wrong magic number)", out corrupt);
            if (magic == CompactMagic && bytes.Length < CompactHistoryFormat.HeaderBytes + Checksum.Bytes)
                return Corrupt($"{bytes.Length} bytes, shorter than the compact header and checksum", out corrupt);
            var length = magic == LegacyMagic ? bytes.Length : bytes.Length - Checksum.Bytes;
            return Parse(new BinaryReader(new MemoryStream(bytes, 0, length)), length, step, capacity, compaction, out corrupt);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Corrupt($"{e.GetType().Name}: {e.Message}", out corrupt);
        }
    }

    private static RateHistory? Parse(BinaryReader reader, long length, TimeSpan step, int capacity, HistoryCompaction? compaction, out string? corrupt)
    {
        corrupt = null;
        var compact = reader.ReadInt32() == CompactMagic;
        if (reader.ReadInt64() != step.Ticks) return null;
        var origin = reader.ReadInt64();
        var first = reader.ReadInt64();
        if (origin < DateTimeOffset.MinValue.UtcTicks || origin > DateTimeOffset.MaxValue.UtcTicks) return Corrupt($"origin {origin} is not a time", out corrupt);
        if (first < 0 || first > long.MaxValue / 4) return Corrupt($"first index {first} is out of range", out corrupt);
        int count;
        IEnumerable<double>? points;
        if (compact)
        {
            points = CompactHistoryFormat.Read(reader, length, out count, out corrupt);
            if (points is null) return null;
        }
        else
        {
            count = reader.ReadInt32();
            var room = (length - HeaderBytes) / sizeof(double);
            if (count < 0 || count != room) return Corrupt($"point count {count} does not match the {room} points the file holds", out corrupt);
            var exact = new double[count];
            for (var i = 0; i < count; i++) exact[i] = reader.ReadDouble();
            points = exact;
        }
        var skip = Math.Max(0, count - capacity);
        return RateHistory.Restore(step, capacity, new DateTimeOffset(origin, TimeSpan.Zero), first + skip, points.Skip(skip), compaction);
    }

    private static RateHistory? Corrupt(string reason, out string corrupt)
    {
        corrupt = reason;
        return null;
    }
}

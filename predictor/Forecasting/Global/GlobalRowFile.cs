using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Pipeline.Predictor.Forecasting.Persistence;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// A fleet's captured training rows (<see cref="GlobalRowReservoir"/>) on disk beside its model, so a restart retrains
/// on them instead of waiting an origin window for the ring to refill: magic "GRW2", capacity, horizons, origins held,
/// the history step in ticks, the newest target offered (UTC ticks: origins up to it are not offered again after the
/// restart), the origins oldest first as float32, a trailing SHA-256; written atomically. A file that
/// fails its checksum, was made for another capacity, horizon count or step, or in the older layout with calendar
/// features per horizon ("GRW1") is set aside with a warning, and the ring starts empty.
/// </summary>
internal static partial class GlobalRowFile
{
    private const int Magic = 0x32575247; // "GRW2"
    private const int OlderMagic = 0x31575247; // "GRW1"
    private const int StepAt = 4 * sizeof(int); // after magic, capacity, horizons and origins held
    private const int OfferedThroughAt = StepAt + sizeof(long);
    private const int HeaderBytes = OfferedThroughAt + sizeof(long);

    /// <summary>The rows' path beside the model at <paramref name="modelPath"/>.</summary>
    public static string PathFor(string modelPath) => modelPath + ".rows";

    public static void Save(string path, GlobalRowReservoir rows, ILogger logger)
    {
        try
        {
            var bytes = Encode(rows);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            AtomicFile.Write(path, stream => stream.Write(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SaveFailed(logger, path, e.Message);
        }
    }

    /// <summary>The ring saved at <paramref name="path"/>, or null (none, or unusable: then set aside).</summary>
    public static GlobalRowReservoir? Load(string path, int capacity, int horizons, int seed, TimeSpan step, ILogger logger)
    {
        if (!File.Exists(path)) return null;
        var rows = Decode(File.ReadAllBytes(path), capacity, horizons, seed, step, out var problem);
        if (problem is not null) Log.SetAside(logger, path, problem, AtomicFile.SetAside(path, DateTimeOffset.UtcNow));
        return rows;
    }

    internal static byte[] Encode(GlobalRowReservoir rows)
    {
        var floats = rows.Count * rows.Stride;
        var bytes = new byte[HeaderBytes + floats * sizeof(float) + Checksum.Bytes];
        var header = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(0, StepAt));
        (header[0], header[1], header[2], header[3]) = (Magic, rows.Capacity, rows.Horizons, rows.Count);
        MemoryMarshal.Write(bytes.AsSpan(StepAt), rows.Step.Ticks);
        MemoryMarshal.Write(bytes.AsSpan(OfferedThroughAt), rows.OfferedThrough);
        rows.CopyTo(MemoryMarshal.Cast<byte, float>(bytes.AsSpan(HeaderBytes, floats * sizeof(float))));
        Checksum.Of(bytes.AsSpan(0, bytes.Length - Checksum.Bytes)).CopyTo(bytes, bytes.Length - Checksum.Bytes);
        return bytes;
    }

    internal static GlobalRowReservoir? Decode(byte[] file, int capacity, int horizons, int seed, TimeSpan step, out string? problem)
    {
        problem = null;
        if (file.Length >= sizeof(int) && MemoryMarshal.Read<int>(file) == OlderMagic) problem = "an older layout (GRW1, calendar features per horizon)";
        else if (file.Length < HeaderBytes + Checksum.Bytes || !Checksum.Trails(file)) problem = "checksum mismatch or truncated";
        else
        {
            var header = MemoryMarshal.Cast<byte, int>(file.AsSpan(0, StepAt));
            var rows = new GlobalRowReservoir(capacity, horizons, seed, step);
            var floats = (long)header[3] * rows.Stride;
            var ticks = MemoryMarshal.Read<long>(file.AsSpan(StepAt));
            if (header[0] != Magic) problem = "not a captured-rows file";
            else if (header[1] != capacity || header[2] != horizons) problem = $"made for {header[1]} origins of {header[2]} horizons, not {capacity} of {horizons}";
            else if (ticks != step.Ticks) problem = $"made for a step of {TimeSpan.FromTicks(ticks)}, not {step}";
            else if (header[3] < 0 || header[3] > capacity || file.Length != HeaderBytes + floats * sizeof(float) + Checksum.Bytes) problem = $"{header[3]} origins do not match the file's length";
            else
            {
                rows.Append(MemoryMarshal.Cast<byte, float>(file.AsSpan(HeaderBytes, (int)floats * sizeof(float))),
                    MemoryMarshal.Read<long>(file.AsSpan(OfferedThroughAt)));
                return rows;
            }
        }
        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Global gbm captured rows {Path} could not be saved ({Problem}); a restart refills them")]
        public static partial void SaveFailed(ILogger logger, string path, string problem);

        [LoggerMessage(2, LogLevel.Warning, "Global gbm captured rows {Path} are unusable ({Problem}); set aside as {Aside}, the ring starts empty")]
        public static partial void SetAside(ILogger logger, string path, string problem, string aside);
    }
}

using System.Globalization;

namespace Pipeline.Simulator.Traces;

/// <summary>
/// Reads a trace CSV: header <c>timestamp,requests</c>, then one row per interval. Timestamps are either ISO-8601
/// with a UTC designator or offset (<c>1995-07-01T04:00:00Z</c>) or seconds from start (<c>0</c>, <c>60</c>, ...),
/// the same form on every row. The interval is inferred from the first two rows and must be constant.
/// Anything else is rejected with a <see cref="TraceFormatException"/> naming the line and the reason.
/// </summary>
public static class TraceReader
{
    /// <summary>Reads and validates a trace file.</summary>
    public static Trace Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads and validates a trace from text; <paramref name="path"/> names it in errors.</summary>
    public static Trace Read(TextReader reader, string path)
    {
        var header = reader.ReadLine();
        if (header is null) throw new TraceFormatException(path, 1, "file is empty; expected the header 'timestamp,requests'");
        if (!string.Equals(header.Trim().TrimStart('\uFEFF'), "timestamp,requests", StringComparison.OrdinalIgnoreCase))
        {
            throw new TraceFormatException(path, 1, $"header is '{header}'; expected 'timestamp,requests'");
        }

        var rows = new List<double>();
        bool? numeric = null;
        double firstTime = 0, previousTime = 0, interval = 0;
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.Trim().Length == 0) continue;
            var parts = line.Split(',');
            if (parts.Length != 2) throw new TraceFormatException(path, lineNumber, $"expected 2 comma-separated fields, found {parts.Length}");
            var time = ParseTime(parts[0].Trim(), ref numeric, path, lineNumber);
            if (!double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var requests) || !double.IsFinite(requests))
            {
                throw new TraceFormatException(path, lineNumber, $"requests '{parts[1]}' is not a number");
            }
            if (requests < 0) throw new TraceFormatException(path, lineNumber, $"requests {requests} is negative");

            if (rows.Count == 0) firstTime = time;
            else if (rows.Count == 1)
            {
                interval = time - previousTime;
                if (interval <= 0) throw new TraceFormatException(path, lineNumber, $"timestamp does not increase (interval {interval} s)");
            }
            else if (Math.Abs(time - previousTime - interval) > 1e-6 * Math.Max(1, interval))
            {
                throw new TraceFormatException(path, lineNumber, $"interval {time - previousTime} s differs from the {interval} s inferred from the first two rows (gap or duplicate row)");
            }
            previousTime = time;
            rows.Add(requests);
        }
        if (rows.Count < 2) throw new TraceFormatException(path, lineNumber, $"found {rows.Count} data row(s); at least 2 are needed to infer the interval");

        var start = numeric == true ? DateTimeOffset.UnixEpoch.AddSeconds(firstTime) : new DateTimeOffset((long)Math.Round(firstTime * TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        return new Trace(name, start, TimeSpan.FromTicks((long)Math.Round(interval * TimeSpan.TicksPerSecond)), rows);
    }

    /// <summary>Seconds since the epoch of the timestamp (ISO-8601) or the offset itself (numeric).</summary>
    private static double ParseTime(string text, ref bool? numeric, string path, int line)
    {
        var isNumeric = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds);
        if (numeric is { } expected && expected != isNumeric)
        {
            throw new TraceFormatException(path, line, $"timestamp '{text}' mixes formats: earlier rows use {(expected ? "seconds from start" : "ISO-8601")}");
        }
        numeric = isNumeric;
        if (isNumeric)
        {
            if (!double.IsFinite(seconds)) throw new TraceFormatException(path, line, $"timestamp '{text}' is not finite");
            return seconds;
        }
        var hasZone = text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text);
        if (!hasZone || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp))
        {
            throw new TraceFormatException(path, line, $"timestamp '{text}' is neither seconds from start nor ISO-8601 UTC (e.g. 1995-07-01T04:00:00Z)");
        }
        return stamp.UtcTicks / (double)TimeSpan.TicksPerSecond;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0) return false;
        var tail = text.AsSpan(t);
        return tail.Contains('+') || tail.Contains('-');
    }
}

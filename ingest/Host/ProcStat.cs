using System.Globalization;

namespace Pipeline.Ingest.Host;

/// <summary>Cumulative CPU time of the aggregate <c>cpu</c> line of <c>/proc/stat</c>, in clock ticks.</summary>
internal readonly record struct CpuTimes(ulong Busy, ulong Total)
{
    /// <summary>Parses the first line of <c>/proc/stat</c> (<c>cpu user nice system idle iowait irq softirq steal ...</c>).</summary>
    public static CpuTimes Parse(string procStat)
    {
        var line = procStat.AsSpan(0, procStat.IndexOf('\n') is var n and >= 0 ? n : procStat.Length).ToString();
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu") throw new FormatException("/proc/stat does not start with an aggregate cpu line");
        var values = fields.Skip(1).Take(8).Select(f => ulong.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // idle (4th) and iowait (5th) are not busy time (proc(5)); guest time is already inside user.
        var idle = values[3] + (values.Length > 4 ? values[4] : 0);
        var total = values.Aggregate(0UL, (a, b) => a + b);
        return new CpuTimes(total - idle, total);
    }

    /// <summary>Busy fraction between an earlier reading and this one (0..1); 0 when no time passed.</summary>
    public double UtilizationSince(CpuTimes earlier)
    {
        var total = Total - earlier.Total;
        return total == 0 ? 0 : Math.Clamp((double)(Busy - earlier.Busy) / total, 0, 1);
    }
}

/// <summary>Memory in use from <c>/proc/meminfo</c>: MemTotal minus MemAvailable.</summary>
internal static class MemInfo
{
    /// <summary>Bytes in use, or null when the fields are missing.</summary>
    public static long? UsedBytes(string procMeminfo)
    {
        long? total = null, available = null;
        foreach (var line in procMeminfo.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (parts[0] == "MemTotal:") total = long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            else if (parts[0] == "MemAvailable:") available = long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
        }
        return total is { } t && available is { } a ? t - a : null;
    }
}

namespace Pipeline.Cli.Bench;

/// <summary>Resident memory of a process from <c>/proc/PID/status</c>: now (VmRSS) and at its peak (VmHWM), in bytes.</summary>
internal readonly record struct ProcessMemory(long RssBytes, long PeakBytes)
{
    /// <summary>The process's memory, or zeros where <c>/proc</c> is absent (not Linux) or the process is gone.</summary>
    public static ProcessMemory Of(int pid)
    {
        try
        {
            long rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line) * 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line) * 1024;
            }
            return new ProcessMemory(rss, peak);
        }
        catch (IOException)
        {
            return default;
        }
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}

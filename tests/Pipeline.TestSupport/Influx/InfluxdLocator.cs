namespace Pipeline.TestSupport.Influx;

/// <summary>Finds the <c>influxd</c> executable: <c>$INFLUXD</c> if set, else the first <c>influxd</c> on <c>$PATH</c>.</summary>
public static class InfluxdLocator
{
    /// <summary>Explains how to get influxd when it is missing.</summary>
    public const string MissingMessage =
        "influxd was not found. Install the Debian package 'influxdb' (bash scripts/test.sh does it: " +
        "apt-get install -y --no-install-recommends influxdb) or set INFLUXD to the path of an influxd 1.x binary.";

    /// <summary>Full path of influxd, or null when it is not installed.</summary>
    public static string? Find()
    {
        var explicitPath = Environment.GetEnvironmentVariable("INFLUXD");
        if (!string.IsNullOrWhiteSpace(explicitPath)) return File.Exists(explicitPath) ? explicitPath : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, "influxd");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Full path of influxd; throws with <see cref="MissingMessage"/> when it is not installed.</summary>
    public static string Require() => Find() ?? throw new InvalidOperationException(MissingMessage);
}

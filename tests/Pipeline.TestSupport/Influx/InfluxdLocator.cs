namespace Pipeline.TestSupport.Influx;

/// <summary>Finds the <c>influxd</c> executable: <c>$INFLUXD</c> if set, else the first <c>influxd</c> on <c>$PATH</c>.</summary>
public static class InfluxdLocator
{
    /// <summary>Explains how to get influxd when it is missing.</summary>
    public const string MissingMessage =
        "influxd was not found. Install the Debian package 'influxdb' (bash scripts/test.sh does it: " +
        "apt-get install -y --no-install-recommends influxdb) or set INFLUXD to the path of an influxd 1.x binary.";

    /// <summary>Full path of influxd, or null when it is not installed.</summary>
    public static string? Find() => Find(Environment.GetEnvironmentVariable, includeUsrBin: true);

    /// <summary>Full path of influxd given the environment <paramref name="getEnvironment"/>, or null.</summary>
    public static string? Find(Func<string, string?> getEnvironment, bool includeUsrBin)
    {
        var explicitPath = getEnvironment("INFLUXD");
        if (!string.IsNullOrWhiteSpace(explicitPath)) return File.Exists(explicitPath) ? explicitPath : null;
        var path = getEnvironment("PATH") ?? "";
        var dirs = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var dir in includeUsrBin ? dirs.Append("/usr/bin") : dirs)
        {
            var candidate = Path.Combine(dir, "influxd");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Full path of influxd; throws with <see cref="MissingMessage"/> when it is not installed.</summary>
    public static string Require() => Require(Find());

    /// <summary><paramref name="found"/>, or an exception with <see cref="MissingMessage"/> when it is null.</summary>
    public static string Require(string? found) => found ?? throw new InvalidOperationException(MissingMessage);
}

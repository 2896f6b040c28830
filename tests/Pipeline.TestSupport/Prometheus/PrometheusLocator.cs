namespace Pipeline.TestSupport.Prometheus;

/// <summary>Finds the <c>prometheus</c> server binary: <c>$PROMETHEUS</c> if set, else the first <c>prometheus</c> on <c>$PATH</c> or in /usr/bin.</summary>
public static class PrometheusLocator
{
    /// <summary>Explains how to get prometheus when it is missing.</summary>
    public const string MissingMessage =
        "prometheus was not found. Run bash scripts/install-deps.sh (it installs the Debian package 'prometheus': " +
        "apt-get install -y --no-install-recommends prometheus) or set PROMETHEUS to the path of a prometheus 2.x binary.";

    /// <summary>Full path of prometheus, or null when it is not installed.</summary>
    public static string? Find()
    {
        var explicitPath = Environment.GetEnvironmentVariable("PROMETHEUS");
        if (!string.IsNullOrWhiteSpace(explicitPath)) return File.Exists(explicitPath) ? explicitPath : null;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return dirs.Append("/usr/bin").Select(d => Path.Combine(d, "prometheus")).FirstOrDefault(File.Exists);
    }

    /// <summary>Full path of prometheus; throws with <see cref="MissingMessage"/> when it is not installed.</summary>
    public static string Require() => Find() ?? throw new InvalidOperationException(MissingMessage);
}

namespace Pipeline.Dashboards.Tests;

/// <summary>The secrets docker-compose.yml requires, and <c>docker-compose config</c> run with a chosen environment only.</summary>
internal static class ComposeSecurity
{
    /// <summary>Every variable the compose file requires, with a test value each.</summary>
    public static IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string>
    {
        ["GRAFANA_ADMIN_PASSWORD"] = "test-grafana-pw",
        ["INFLUXDB_ADMIN_PASSWORD"] = "test-influx-admin-pw",
        ["INFLUX_WRITE_PASSWORD"] = "test-influx-write-pw",
        ["INFLUX_READ_PASSWORD"] = "test-influx-read-pw",
    };

    /// <summary>
    /// <c>docker-compose config</c> (<c>-q</c> unless <paramref name="print"/>) with <paramref name="secrets"/> set and the rest
    /// of the required variables unset; a developer's <c>.env</c> is ignored (an empty <c>--env-file</c>).
    /// </summary>
    public static ExternalTool.Result Config(IReadOnlyDictionary<string, string> secrets, bool print = false)
    {
        var environment = Secrets.Keys.ToDictionary(k => k, k => secrets.GetValueOrDefault(k, ""));
        var empty = Path.GetTempFileName();
        try
        {
            return ExternalTool.Run("docker-compose", ["--env-file", empty, "-f", "docker-compose.yml", "config", .. print ? Array.Empty<string>() : ["-q"]],
                RepoPaths.Root, TimeSpan.FromMinutes(2), environment: environment);
        }
        finally
        {
            File.Delete(empty);
        }
    }
}

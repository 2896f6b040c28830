namespace Pipeline.TestSupport.Influx;

/// <summary>Writes the smallest influxd 1.x config that keeps everything on loopback and under one temp directory.</summary>
internal static class InfluxConfig
{
    /// <summary>Config text for an influxd whose HTTP API listens on <paramref name="httpPort"/> and RPC on <paramref name="rpcPort"/>.</summary>
    public static string Render(string dataRoot, int httpPort, int rpcPort, bool auth = false) => $"""
        reporting-disabled = true
        bind-address = "127.0.0.1:{rpcPort}"

        [meta]
          dir = "{Path.Combine(dataRoot, "meta")}"

        [data]
          dir = "{Path.Combine(dataRoot, "data")}"
          wal-dir = "{Path.Combine(dataRoot, "wal")}"
          query-log-enabled = false

        [http]
          bind-address = "127.0.0.1:{httpPort}"
          log-enabled = false
          auth-enabled = {(auth ? "true" : "false")}

        [monitor]
          store-enabled = false

        [continuous_queries]
          enabled = false

        [subscriber]
          enabled = false

        [ifql]
          enabled = false
        """;
}

namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>How the <c>prometheus</c> source reads metrics.</summary>
public static class PrometheusModes
{
    /// <summary>Reads each replica's <c>/metrics</c> text exposition directly.</summary>
    public const string Scrape = "scrape";

    /// <summary>Asks a Prometheus server's HTTP API with PromQL.</summary>
    public const string Query = "query";

    /// <summary>Both modes, for help texts and validation.</summary>
    public static IReadOnlyList<string> All { get; } = [Scrape, Query];
}

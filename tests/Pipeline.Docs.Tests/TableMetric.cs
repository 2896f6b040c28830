namespace Pipeline.Docs.Tests;

/// <summary>
/// A metric as a table prints it: the JSON path(s) of its value(s) (two for "θU / θO") and the factor from the file's
/// unit to the printed one (100 for rates printed in percent).
/// </summary>
internal sealed record TableMetric(IReadOnlyList<string> Paths, double Scale = 1)
{
    public static TableMetric Of(string path, double scale = 1) => new([path], scale);

    /// <summary>The metric of a comparison-table row label (bold and backticks ignored); null when unknown.</summary>
    public static TableMetric? ForRow(string label) => Clean(label) switch
    {
        "avg response (ms)" => Of("avgResponseMs"),
        "p99 response (ms)" => Of("p99ResponseMs"),
        "throughput (req/s)" => Of("throughputRps"),
        "utilization" => Of("utilization"),
        "scaling decision latency (s)" => Of("scalingDecisionLatencyS"),
        "SLA violation rate" => Of("slaViolationRate", 100),
        "dropped requests" => Of("droppedRequests"),
        "replica-hours (cost)" => Of("replicaHours"),
        "θU / θO (replicas)" => new(["elasticity.underAccuracy", "elasticity.overAccuracy"]),
        "τU / τO" => new(["elasticity.underTimeshare", "elasticity.overTimeshare"]),
        _ => null,
    };

    /// <summary>The text without Markdown bold or code marks.</summary>
    public static string Clean(string text) =>
        text.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim();
}

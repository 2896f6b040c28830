using System.Globalization;
using Pipeline.Simulator.Evaluation;

namespace Pipeline.Simulator.Reporting;

/// <summary>One metric line of the results table: how to read it from a run, format it, and which way is better.</summary>
/// <param name="Label">Row label.</param>
/// <param name="Value">Reads the metric; null when undefined.</param>
/// <param name="Format">Numeric format string.</param>
/// <param name="LowerIsBetter">Direction for improvements; null: no improvement shown.</param>
public sealed record MetricRow(string Label, Func<RunResult, double?> Value, string Format, bool? LowerIsBetter)
{
    /// <summary>The rows of the table, in the order of the paper's Table 1 followed by percentiles and elasticity.</summary>
    public static IReadOnlyList<MetricRow> All { get; } =
    [
        new("avg response (ms)", r => r.AvgResponseMs, "0.0", true),
        new("throughput (req/s)", r => r.ThroughputRps, "0.0", false),
        new("utilization", r => r.Utilization, "0.000", false),
        new("scaling decision latency (s)", r => r.ScalingDecisionLatencyS, "0", true),
        new("SLA violation rate", r => r.SlaViolationRate, "0.00000", true),
        new("cost (replica-hours)", r => r.ReplicaHours, "0.0", true),
        new("cost reduction vs hpa (%)", r => r.CostReductionPct, "0.0", null),
        new("p50 response (ms)", r => r.P50ResponseMs, "0.0", true),
        new("p95 response (ms)", r => r.P95ResponseMs, "0.0", true),
        new("p99 response (ms)", r => r.P99ResponseMs, "0.0", true),
        new("requests", r => r.Requests, "0", null),
        new("dropped requests", r => r.DroppedRequests, "0", true),
        new("θU under-provisioning (replicas)", r => r.Elasticity.UnderAccuracy, "0.000", true),
        new("θO over-provisioning (replicas)", r => r.Elasticity.OverAccuracy, "0.000", true),
        new("θU relative", r => r.Elasticity.UnderAccuracyRelative, "0.000", true),
        new("θO relative", r => r.Elasticity.OverAccuracyRelative, "0.000", true),
        new("τU under timeshare", r => r.Elasticity.UnderTimeshare, "0.000", true),
        new("τO over timeshare", r => r.Elasticity.OverTimeshare, "0.000", true),
        new("jitter (adaptations/min)", r => r.Elasticity.Jitter, "0.000", null),
        new("instability", r => r.Elasticity.Instability, "0.0000", true),
    ];

    /// <summary>The formatted value, or "n/a".</summary>
    public string FormatValue(RunResult run) =>
        Value(run) is { } v && double.IsFinite(v) ? v.ToString(Format, CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Improvement of <paramref name="run"/> over <paramref name="baseline"/> in percent (positive = better); null when not comparable.</summary>
    public double? Improvement(RunResult run, RunResult baseline)
    {
        if (LowerIsBetter is not { } lower || Value(run) is not { } v || Value(baseline) is not { } b) return null;
        if (!double.IsFinite(v) || !double.IsFinite(b) || b == 0) return null;
        return lower ? (b - v) / Math.Abs(b) * 100 : (v - b) / Math.Abs(b) * 100;
    }
}

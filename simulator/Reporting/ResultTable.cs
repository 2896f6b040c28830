using System.Globalization;
using Pipeline.Simulator.Evaluation;

namespace Pipeline.Simulator.Reporting;

/// <summary>
/// The results table in the shape of the paper's Table 1: one row per metric, one column per run, each cell with the
/// run's improvement over the <c>hpa</c> + <c>round-robin</c> baseline of the same scenario; reference policies
/// (<c>static-peak</c>, <c>oracle</c>) marked. Rendered as plain cells so the CLI and the Markdown report share it.
/// </summary>
public sealed class ResultTable
{
    /// <summary>Builds the table for one scenario's runs.</summary>
    public ResultTable(IReadOnlyList<RunResult> runs)
    {
        Runs = runs;
        Baseline = runs.FirstOrDefault(r => r.Autoscaler == "hpa" && r.Balancer == "round-robin");
        Headers = [.. runs.Select(Header)];
        Rows = [.. MetricRow.All.Select(m => (m.Label, (IReadOnlyList<string>)[.. runs.Select(r => Cell(m, r))]))];
    }

    /// <summary>The runs, in column order.</summary>
    public IReadOnlyList<RunResult> Runs { get; }

    /// <summary>The baseline run, if present.</summary>
    public RunResult? Baseline { get; }

    /// <summary>Column headers (one per run).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Metric label and one cell per run.</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<string> Cells)> Rows { get; }

    /// <summary>Header of a run's column, e.g. <c>oracle + least-request (ref)</c>.</summary>
    public string Header(RunResult r)
    {
        var tag = ReferenceEquals(r, Baseline) ? " (baseline)" : EvaluationPolicies.IsReference(r.Autoscaler) ? " (ref)" : "";
        return $"{r.Autoscaler} + {r.Balancer}{tag}";
    }

    /// <summary>The table as GitHub-flavoured Markdown.</summary>
    public string ToMarkdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("| metric | ").AppendJoin(" | ", Headers).AppendLine(" |");
        sb.Append("|---|").AppendJoin("", Headers.Select(_ => "---:|")).AppendLine();
        foreach (var (label, cells) in Rows) sb.Append("| ").Append(label).Append(" | ").AppendJoin(" | ", cells).AppendLine(" |");
        return sb.ToString();
    }

    private string Cell(MetricRow metric, RunResult run)
    {
        var text = metric.FormatValue(run);
        if (Baseline is null || ReferenceEquals(run, Baseline)) return text;
        return metric.Improvement(run, Baseline) is { } pct
            ? text + " (" + (pct >= 0 ? "+" : "") + pct.ToString("0.#", CultureInfo.InvariantCulture) + "%)"
            : text;
    }
}

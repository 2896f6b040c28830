using System.Text.RegularExpressions;

namespace Pipeline.Docs.Tests;

/// <summary>
/// Checks a table with one column per run ("hpa + round-robin (paper's baseline)", "oracle (ref)": autoscaler, then
/// the balancer after "+", least-request when none) and one row per metric against one result file. A cell is
/// "value", "value / value" (two-metric rows) or "n/a", optionally followed by "(annotation)" holding relative changes
/// in percent — the i-th one against the i-th hpa column — and ratios "1.18× oracle" against the named column.
/// </summary>
internal static partial class ComparisonTable
{
    public static void Check(FigureCheck check, string document, MarkdownTable table, ResultFile file)
    {
        var runs = table.Header.Skip(1).Select(h => Column(file, h)).ToList();
        var hpaColumns = runs.Where(r => r.Autoscaler == "hpa").ToList();
        foreach (var row in table.Rows)
        {
            var metric = TableMetric.ForRow(row.Cells[0]);
            if (metric is null)
            {
                check.Fail(document, row.Line, $"row '{row.Cells[0]}' names no known metric (add it to {nameof(TableMetric)})");
                continue;
            }
            for (var c = 1; c < row.Cells.Count && c <= runs.Count; c++)
            {
                CheckCell(check, document, row.Line, TableMetric.Clean(row.Cells[c]), metric, runs[c - 1], hpaColumns, runs);
            }
        }
    }

    private static void CheckCell(FigureCheck check, string document, int line, string cell, TableMetric metric,
        ResultRun run, List<ResultRun> hpaColumns, List<ResultRun> runs)
    {
        var open = cell.IndexOf('(', StringComparison.Ordinal);
        var value = open < 0 ? cell : cell[..open];
        var printed = value.Contains("n/a", StringComparison.Ordinal) ? ["n/a"] : PrintedNumber.All(value).ToList();
        if (printed.Count != metric.Paths.Count)
        {
            check.Fail(document, line, $"cell '{cell}' holds {printed.Count} value(s), expected {metric.Paths.Count}");
            return;
        }
        for (var i = 0; i < printed.Count; i++)
        {
            check.Compare(document, line, printed[i], run.Value(metric.Paths[i]) * metric.Scale, $"{run.Name} {metric.Paths[i]}");
        }
        if (open >= 0) CheckAnnotation(check, document, line, cell[(open + 1)..], metric.Paths[0], run, hpaColumns, runs);
    }

    private static void CheckAnnotation(FigureCheck check, string document, int line, string annotation, string path,
        ResultRun run, List<ResultRun> hpaColumns, List<ResultRun> runs)
    {
        var changes = ChangeRegex().Matches(annotation);
        for (var i = 0; i < changes.Count; i++)
        {
            if (i >= hpaColumns.Count)
            {
                check.Fail(document, line, $"annotation '{annotation}' has more changes than hpa columns");
                return;
            }
            check.Compare(document, line, changes[i].Groups["n"].Value, Change.Percent(run, hpaColumns[i], path),
                $"{run.Name} vs {hpaColumns[i].Name} {path} change %");
        }
        foreach (Match ratio in RatioRegex().Matches(annotation))
        {
            var reference = runs.FirstOrDefault(r => r.Autoscaler == ratio.Groups["who"].Value);
            if (reference is null)
            {
                check.Fail(document, line, $"annotation '{annotation}' compares with '{ratio.Groups["who"].Value}', not a column");
                continue;
            }
            check.Compare(document, line, ratio.Groups["n"].Value, Change.Ratio(run, reference, path),
                $"{run.Name} / {reference.Name} {path}");
        }
    }

    private static ResultRun Column(ResultFile file, string header)
    {
        var match = HeaderRegex().Match(TableMetric.Clean(header));
        var balancer = match.Groups["b"].Success ? match.Groups["b"].Value : "least-request";
        return file.Run(match.Groups["a"].Value, balancer);
    }

    [GeneratedRegex(@"^(?<a>[a-z-]+)(?:\s*\+\s*(?<b>[a-z-]+))?")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"(?<n>[−+-]?\d+(?:\.\d+)?)%")]
    private static partial Regex ChangeRegex();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)×\s*(?<who>[a-z-]+)")]
    private static partial Regex RatioRegex();
}

using System.Text.RegularExpressions;

namespace Pipeline.Docs.Tests;

/// <summary>
/// Checks the table of predictive operating points: one row per <c>`upper` / `expected`</c> pair ("hpa (reference)"
/// is the hpa + least-request run; the row marked "(default)" is the default run, the SLA sizing), columns "TRACE violations" and
/// "TRACE replica-h" for TRACE NASA or Wikipedia; a "(+28%)" after a value is the change against hpa + least-request
/// of the same file. Files: <c>{trace}-7d.json</c> for hpa and the default,
/// <c>{trace}-7d-sizing-utilization.json</c> for `utilization`: `0.8` / `0.9` (that sizing's defaults),
/// <c>{trace}-7d-upper-{U}-expected-{E}.json</c> for the others.
/// </summary>
internal static partial class OperatingPointTable
{
    public static void Check(FigureCheck check, string document, MarkdownTable table, Func<string, ResultFile> load)
    {
        foreach (var row in table.Rows)
        {
            var label = row.Cells[0];
            for (var c = 1; c < row.Cells.Count && c < table.Header.Count; c++)
            {
                var (trace, path, scale) = Column(table.Header[c]);
                var file = load(FileName(trace, label));
                var run = label.Contains("hpa", StringComparison.Ordinal) ? file.Run("hpa") : file.Run("predictive");
                var cell = TableMetric.Clean(row.Cells[c]);
                var open = cell.IndexOf('(', StringComparison.Ordinal);
                var printed = PrintedNumber.All(open < 0 ? cell : cell[..open]).ToList();
                if (printed.Count != 1)
                {
                    check.Fail(document, row.Line, $"cell '{cell}' holds {printed.Count} values, expected 1");
                    continue;
                }
                check.Compare(document, row.Line, printed[0], run.Value(path) * scale, $"{run.Name} {path}");
                if (open < 0) continue;
                var change = PrintedNumber.All(cell[open..]).Single();
                check.Compare(document, row.Line, change, Change.Percent(run, file.Run("hpa"), path),
                    $"{run.Name} vs hpa/least-request {path} change %");
            }
        }
    }

    private static (string Trace, string Path, double Scale) Column(string header)
    {
        var h = TableMetric.Clean(header);
        var trace = h.StartsWith("NASA", StringComparison.Ordinal) ? "nasa"
            : h.StartsWith("Wikipedia", StringComparison.Ordinal) ? "wiki"
            : throw new InvalidOperationException($"column '{header}' names no trace");
        return h.EndsWith("violations", StringComparison.Ordinal) ? (trace, "slaViolationRate", 100)
            : h.EndsWith("replica-h", StringComparison.Ordinal) ? (trace, "replicaHours", 1)
            : throw new InvalidOperationException($"column '{header}' names no metric");
    }

    private static string FileName(string trace, string label)
    {
        if (label.Contains("hpa", StringComparison.Ordinal) || label.Contains("(default)", StringComparison.Ordinal)) return $"{trace}-7d";
        var settings = CodeRegex().Matches(label).Select(m => m.Groups[1].Value).Where(s => s != "utilization").ToList();
        return settings switch
        {
            ["0.8", "0.9"] => $"{trace}-7d-sizing-utilization",
            [var upper, var expected] => $"{trace}-7d-upper-{upper}-expected-{expected}",
            _ => throw new InvalidOperationException($"row '{label}' names no `upper` / `expected` pair"),
        };
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeRegex();
}

using System.Globalization;
using Pipeline.Simulator.Evaluation;
using Pipeline.Simulator.Frontier;
using Pipeline.Simulator.Reporting;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline evaluate --frontier</c>: runs the sweep, prints the frontier and each policy's ratios against the HPA's.</summary>
internal static class EvaluateFrontier
{
    public static int Run(EvaluationWorkload workload, FrontierPlan plan, string? json, string? report)
    {
        // Redirected output (files, CI logs) gets a wide table instead of the 80-column fallback.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 220;
        Console.WriteLine(MarkdownReport.Describe(workload));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = FrontierSweep.Run(workload, plan, Environment.ProcessorCount, (run, outcome) =>
            Console.WriteLine($"  {run.Policy} {run.Setting}: {outcome.WallTime.TotalSeconds:0.0} s ({outcome.PolicyTime.TotalSeconds:0.0} s in the policy)"));
        Console.WriteLine($"{result.Runs.Count} runs in {clock.Elapsed.TotalSeconds:0.0} s wall time");
        Print(result);
        if (json is not null)
        {
            FrontierJson.Write(json, result);
            Console.WriteLine($"wrote {json}");
        }
        if (report is not null)
        {
            Directory.CreateDirectory(report);
            FrontierJson.Write(Path.Combine(report, "frontier.json"), result);
            var png = FrontierPlot.Write(report, result, $"Cost vs SLA violations: {workload.Trace.Name}");
            Console.WriteLine($"wrote {Path.Combine(report, png)} and frontier.json");
        }
        return 0;
    }

    private static void Print(FrontierResult result)
    {
        var table = new Table().Title("frontier: hpa swept over its target; others against it (violations above the floor)").Border(TableBorder.Rounded);
        foreach (var h in new[] { "policy", "setting", "replica-h", "violations", "above floor", "cost ratio @ equal viol.", "viol. ratio @ equal cost", "dominated" })
            table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var run in result.Runs.OrderBy(r => r.Policy).ThenByDescending(r => r.Result.ReplicaHours))
        {
            var point = run.ToPoint(result.Floor);
            var c = result.Comparisons.FirstOrDefault(x => x.Point == point);
            table.AddRow(Markup.Escape(run.Policy), Markup.Escape(run.Setting), F(run.Result.ReplicaHours, "0.0"),
                Pct(run.Result.SlaViolationRate), Pct(point.ExcessViolations),
                c is null ? "" : Ratio(c.CostRatio), c is null ? "" : Ratio(c.ViolationRatio), c is null ? "" : c.Dominated ? "yes" : "no");
        }
        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"floor (oracle's violations) {100 * result.Floor:0.000}%; SLA utilization of the queueing model {result.SlaUtilization:0.000}; ratios are n/a outside the swept range"));
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
    private static string Pct(double v) => (100 * v).ToString("0.000", CultureInfo.InvariantCulture) + "%";
    private static string Ratio(double? v) => v is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "n/a";
}

using Pipeline.Simulator.Evaluation;
using Pipeline.Simulator.Reporting;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>Console output of <c>pipeline evaluate</c>: the progress bar and the results tables (Spectre.Console).</summary>
internal static class EvaluateOutput
{
    /// <summary>Runs every spec in parallel across the cores with one progress bar per run.</summary>
    public static IReadOnlyList<RunOutcome> RunWithProgress(EvaluationWorkload workload, IReadOnlyList<RunSpec> specs)
    {
        // Redirected output (files, CI logs) gets a wide table instead of the 80-column fallback.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 220;
        IReadOnlyList<RunOutcome> outcomes = [];
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = specs.Select(s => context.AddTask($"{s.Label} ({s.Scenario})", maxValue: 1.0)).ToArray();
                outcomes = EvaluationSuite.Run(workload, specs, Environment.ProcessorCount, (i, fraction) => tasks[i].Value = fraction);
            });
        return outcomes;
    }

    /// <summary>Prints one table per scenario (metrics as rows, runs as columns, improvement over hpa + round-robin).</summary>
    public static void PrintTables(IReadOnlyList<RunOutcome> outcomes, EvaluationOptions options)
    {
        foreach (var scenario in outcomes.Select(o => o.Result.Scenario).Distinct())
        {
            var runs = outcomes.Where(o => o.Result.Scenario == scenario).Select(o => o.Result).ToList();
            var model = new ResultTable(runs);
            var table = new Table().Title($"scenario {scenario}: value (improvement over hpa + round-robin)").Border(TableBorder.Rounded);
            table.AddColumn("metric");
            foreach (var header in model.Headers) table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
            foreach (var (label, cells) in model.Rows) table.AddRow([Markup.Escape(label), .. cells.Select(Markup.Escape)]);
            AnsiConsole.Write(table);
            Console.WriteLine(MarkdownReport.SlaSummary(runs, options));
        }
    }
}

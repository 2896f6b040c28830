using System.Globalization;
using System.Text;
using Pipeline.Simulator.Evaluation;

namespace Pipeline.Simulator.Reporting;

/// <summary>Writes <c>report.md</c>, <c>results.json</c> and the PNG plots of an evaluation into a directory.</summary>
public static class MarkdownReport
{
    /// <summary>Writes everything; returns the path of the Markdown file.</summary>
    public static string Write(string directory, EvaluationWorkload workload, IReadOnlyList<RunOutcome> outcomes, string command)
    {
        Directory.CreateDirectory(directory);
        JsonReport.Write(Path.Combine(directory, "results.json"), outcomes.Select(o => o.Result));
        var md = new StringBuilder();
        md.AppendLine($"# Evaluation: {workload.Trace.Name}").AppendLine();
        md.AppendLine("```").AppendLine(command).AppendLine("```").AppendLine();
        md.AppendLine(Describe(workload)).AppendLine();

        foreach (var scenario in outcomes.Select(o => o.Result.Scenario).Distinct())
        {
            var runs = outcomes.Where(o => o.Result.Scenario == scenario).ToList();
            md.AppendLine($"## Scenario `{scenario}`").AppendLine();
            md.AppendLine("Cells show the value and, in parentheses, the improvement over `hpa + round-robin` (positive = better).").AppendLine();
            md.AppendLine(new ResultTable([.. runs.Select(r => r.Result)]).ToMarkdown());
            md.AppendLine(SlaSummary(runs.Select(r => r.Result).ToList(), workload.Options)).AppendLine();
            md.AppendLine($"![response-time CDF]({PlotWriter.Cdf(directory, runs, scenario)})").AppendLine();
            foreach (var run in runs)
            {
                md.AppendLine($"### {run.Result.Autoscaler} + {run.Result.Balancer}").AppendLine();
                md.AppendLine($"![demand vs supply]({PlotWriter.DemandSupply(directory, run)})").AppendLine();
                md.AppendLine($"![percentiles]({PlotWriter.Percentiles(directory, run)})").AppendLine();
            }
        }
        var path = Path.Combine(directory, "report.md");
        File.WriteAllText(path, md.ToString());
        return path;
    }

    /// <summary>The settings of the evaluation in one paragraph.</summary>
    public static string Describe(EvaluationWorkload w)
    {
        var o = w.Options;
        return string.Create(CultureInfo.InvariantCulture,
            $"Trace `{w.Trace.Name}`: {w.Trace.Requests.Count} rows of {w.Trace.Interval.TotalSeconds:0} s from {w.Trace.Start:u}, " +
            $"scaled x{w.Scale:0.###} (peak demand {w.Demand.Peak} replicas; {w.ExpectedRequests / 1e6:0.#} M requests expected). " +
            $"Service: lognormal service time mean {o.MeanServiceTime.TotalMilliseconds:0} ms cv {o.ServiceTimeCv:0.##}, {o.Workers} workers per replica " +
            $"({w.Demand.CapacityPerReplica:0.#} req/s per replica at the {o.TargetUtilization:0.##} target utilization), queue {o.QueueCapacity}, " +
            $"start-up delay {o.StartupDelay.TotalSeconds:0} s, SLO {o.Slo.TotalMilliseconds:0} ms (SLA: {o.SlaTarget:P1} within it), replicas {o.MinReplicas}..{w.MaxReplicas}. " +
            $"Policies see 15 s feature windows closed {o.Windowing.Grace.TotalSeconds:0} s after their end (window {o.Windowing.WindowSize.TotalSeconds:0} s), as in the live pipeline. " +
            $"Scoring after a warm-up of {w.WarmupSeconds / 3600:0.#} h; seed {o.Seed}.");
    }

    /// <summary>Which runs meet the SLA and which of them is cheapest.</summary>
    public static string SlaSummary(IReadOnlyList<RunResult> runs, EvaluationOptions options)
    {
        var budget = 1 - options.SlaTarget;
        var meeting = runs.Where(r => r.SlaViolationRate <= budget).OrderBy(r => r.ReplicaHours).ToList();
        if (meeting.Count == 0) return $"No run meets the SLA (violation rate <= {budget:P2}).";
        var list = string.Join(", ", meeting.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Autoscaler} + {r.Balancer} ({r.ReplicaHours:0.0} h)")));
        return $"Runs meeting the SLA (violation rate <= {budget:P2}), cheapest first: {list}.";
    }
}

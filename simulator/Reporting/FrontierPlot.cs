using Pipeline.Simulator.Frontier;
using ScottPlot;

namespace Pipeline.Simulator.Reporting;

/// <summary>The cost/violations frontier as a PNG: one curve per swept policy, single runs (oracles, threshold) as points.</summary>
public static class FrontierPlot
{
    /// <summary>Writes <c>frontier.png</c> into <paramref name="directory"/>. Returns the file name.</summary>
    public static string Write(string directory, FrontierResult result, string title)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var policies = result.Runs.Select(r => r.Policy).Distinct().ToList();
        for (var i = 0; i < policies.Count; i++)
        {
            var runs = result.Runs.Where(r => r.Policy == policies[i]).OrderBy(r => r.Result.ReplicaHours).ToList();
            var xs = runs.Select(r => 100 * r.Result.SlaViolationRate).ToArray();
            var ys = runs.Select(r => r.Result.ReplicaHours).ToArray();
            var series = plot.Add.Scatter(xs, ys, palette.GetColor(i));
            series.LegendText = policies[i];
            series.MarkerSize = runs.Count > 1 ? 6 : 11;
            series.LineWidth = runs.Count > 1 ? 1.5f : 0;
            foreach (var r in runs.Where(r => r.Setting.Length > 0))
            {
                var text = plot.Add.Text(r.Setting, 100 * r.Result.SlaViolationRate, r.Result.ReplicaHours);
                text.LabelFontSize = 10;
            }
        }
        var floor = plot.Add.VerticalLine(100 * result.Floor);
        floor.LinePattern = LinePattern.Dashed;
        floor.Color = Colors.Gray;
        floor.LegendText = "floor (oracle's violations)";
        plot.Title(title);
        plot.XLabel("SLA violations (% of requests)");
        plot.YLabel("replica-hours");
        plot.ShowLegend(Alignment.UpperRight);
        const string file = "frontier.png";
        plot.SavePng(Path.Combine(directory, file), 1200, 700);
        return file;
    }
}

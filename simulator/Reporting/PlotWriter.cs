using Pipeline.Simulator.Evaluation;
using ScottPlot;

namespace Pipeline.Simulator.Reporting;

/// <summary>PNG plots of an evaluation (ScottPlot, headless).</summary>
public static class PlotWriter
{
    private const int Width = 1400;
    private const int Height = 500;

    /// <summary>Demand, ready and desired replicas over time for one run. Returns the file name.</summary>
    public static string DemandSupply(string directory, RunOutcome run)
    {
        var plot = new Plot();
        var s = run.Series;
        // Long spans are averaged into at most ~1500 points so the curves stay readable.
        var every = Math.Max(1, s.Minutes.Length / 1500);
        var hours = Hours(Mean(s.Minutes, every));
        Line(plot, hours, Mean(s.Desired, every), "desired", Colors.Orange, step: true);
        Line(plot, hours, Mean(s.Ready, every), "ready (supply)", Colors.Blue, step: true);
        Line(plot, hours, Mean(s.Demand, every), "demand", Colors.Black, step: true);
        Warmup(plot, s.WarmupMinutes / 60);
        plot.Title($"Demand vs supply: {run.Result.Autoscaler} + {run.Result.Balancer} ({run.Result.Scenario})");
        plot.XLabel("hours from start");
        plot.YLabel(every > 1 ? $"replicas (mean per {every} min)" : "replicas");
        plot.ShowLegend(Alignment.UpperLeft);
        var file = $"demand-supply-{Slug(run.Result)}.png";
        plot.SavePng(Path.Combine(directory, file), Width, Height);
        return file;
    }

    /// <summary>p50/p95/p99 response time over time for one run (log scale). Returns the file name.</summary>
    public static string Percentiles(string directory, RunOutcome run)
    {
        var plot = new Plot();
        var s = run.Series;
        var x = Hours(s.LatencyMinutes);
        Line(plot, x, Log10(s.P50Ms), "p50", Colors.Green, step: false);
        Line(plot, x, Log10(s.P95Ms), "p95", Colors.Orange, step: false);
        Line(plot, x, Log10(s.P99Ms), "p99", Colors.Red, step: false);
        Warmup(plot, s.WarmupMinutes / 60);
        LogTicks(plot.Axes.Left);
        plot.Title($"Response-time percentiles: {run.Result.Autoscaler} + {run.Result.Balancer} ({run.Result.Scenario})");
        plot.XLabel("hours from start");
        plot.YLabel("response time (ms, log scale)");
        plot.ShowLegend(Alignment.UpperLeft);
        var file = $"percentiles-{Slug(run.Result)}.png";
        plot.SavePng(Path.Combine(directory, file), Width, Height);
        return file;
    }

    /// <summary>Response-time CDFs of every run after the warm-up (log-scaled latency axis). Returns the file name.</summary>
    public static string Cdf(string directory, IReadOnlyList<RunOutcome> runs, string scenario)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < runs.Count; i++)
        {
            var s = runs[i].Series;
            Line(plot, Log10(s.CdfMs), s.CdfFractions, $"{runs[i].Result.Autoscaler} + {runs[i].Result.Balancer}", palette.GetColor(i), step: false);
        }
        LogTicks(plot.Axes.Bottom);
        plot.Title($"Response-time CDF after warm-up ({scenario})");
        plot.XLabel("response time (ms, log scale)");
        plot.YLabel("fraction of requests");
        plot.ShowLegend(Alignment.LowerRight);
        var file = $"cdf-{scenario}.png";
        plot.SavePng(Path.Combine(directory, file), Width, Height);
        return file;
    }

    private static void Line(Plot plot, double[] x, double[] y, string label, Color color, bool step)
    {
        var xs = new List<double>(x.Length);
        var ys = new List<double>(y.Length);
        for (var i = 0; i < x.Length && i < y.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i])) continue;
            xs.Add(x[i]);
            ys.Add(y[i]);
        }
        if (xs.Count == 0) return;
        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), color);
        line.LegendText = label;
        line.MarkerSize = 0;
        line.LineWidth = 1.5f;
        if (step) line.ConnectStyle = ConnectStyle.StepHorizontal;
    }

    private static void Warmup(Plot plot, double hours)
    {
        var line = plot.Add.VerticalLine(hours);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.Gray;
        line.LegendText = "end of warm-up";
    }

    private static void LogTicks(IAxis axis)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var ms in new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 60000 })
        {
            ticks.AddMajor(Math.Log10(ms), ms >= 1000 ? $"{ms / 1000} s" : $"{ms} ms");
        }
        axis.TickGenerator = ticks;
    }

    private static double[] Mean(double[] values, int every)
    {
        if (every <= 1) return values;
        var result = new double[values.Length / every];
        for (var i = 0; i < result.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < every; j++) sum += values[i * every + j];
            result[i] = sum / every;
        }
        return result;
    }

    private static double[] Hours(double[] minutes) => [.. minutes.Select(m => m / 60)];

    private static double[] Log10(double[] values) => [.. values.Select(v => v > 0 ? Math.Log10(v) : double.NaN)];

    /// <summary>File-name part for a run, e.g. <c>hpa_round-robin_baseline</c>.</summary>
    public static string Slug(RunResult r) => $"{r.Autoscaler}_{r.Balancer}_{r.Scenario}";
}

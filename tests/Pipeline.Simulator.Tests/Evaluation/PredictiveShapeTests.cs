using Pipeline.Simulator.Evaluation;
using Pipeline.Simulator.Frontier;
using Pipeline.Simulator.Traces.Shapes;

namespace Pipeline.Simulator.Tests.Evaluation;

/// <summary>The predictive policy (defaults) on a synthetic shape it was not tuned on, against the hpa on the same load.</summary>
public class PredictiveShapeTests
{
    [Fact]
    public void DailyOutage_CapacityIsBackBeforeTheLoadReturnsOnDayThree()
    {
        var (predictiveRun, hpaRun) = Run(TraceShapes.DailyOutage, days: 3);
        var (predictive, hpa) = (predictiveRun.Series, hpaRun.Series);

        // Series point p is the state at the end of minute p; the load returns at 14:45 on day 3.
        var back = 2 * 1440 + 14 * 60 + 45;
        var need = predictive.Demand[back];
        Assert.True(need >= 6, $"the returning load needs {need} replicas at the target");
        Assert.True(predictive.Ready[back - 20] <= 2, $"mid-outage the predictive policy keeps {predictive.Ready[back - 20]} replicas: it did not scale down");
        // Sized at the expected utilization (0.9) instead of the target (0.6): two thirds of the target's count.
        Assert.True(predictive.Ready[back - 1] >= Math.Floor(need * 0.6 / 0.9),
            $"ready when the load returns: predictive {predictive.Ready[back - 1]}, needed {need} at the target");
        Assert.True(hpa.Ready[back - 1] <= 2, $"the hpa cannot see it coming ({hpa.Ready[back - 1]} ready)");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DailyOutage_CapacityIsBackBeforeTheLoadReturnsOnDayTwo_OnlyWhenASaturatedRiseRecursAfterOneSighting(bool once)
    {
        // Day 1's return outgrew the one replica left in the outage (a saturation's onset); on day 2 that rise alone is
        // provisioned ahead. Without the rule it waits for a second sighting, and day 2's return finds the outage's replicas.
        var workload = new EvaluationWorkload(TraceShapes.Create(TraceShapes.DailyOutage, 2), new EvaluationOptions
        {
            PeakReplicas = 8,
            Warmup = TimeSpan.FromDays(1),
            ConfigurePredictive = p => p.RecurringAfterSaturation = once,
        });
        var predictive = EvaluationRunner.Run(workload, new RunSpec("predictive", "least-request", "baseline")).Series;

        var back = 1440 + 14 * 60 + 45;
        var need = predictive.Demand[back];
        Assert.True(need >= 6, $"the returning load needs {need} replicas at the target");
        Assert.True(predictive.Ready[back - 20] <= 2, $"mid-outage the predictive policy keeps {predictive.Ready[back - 20]} replicas");
        var ready = predictive.Ready[back - 1] >= Math.Floor(need * 0.6 / 0.9);
        Assert.True(ready == once, $"ready when the load returns on day 2: {predictive.Ready[back - 1]} (needed {need} at the target), one-sighting rule {(once ? "on" : "off")}");
    }

    [Fact]
    public void SparseBursts_HourlyJobProvisionedBeforeItStartsOnDayThree()
    {
        var (predictiveRun, hpaRun) = Run(TraceShapes.SparseBursts, days: 3);
        var (predictive, hpa) = (predictiveRun.Series, hpaRun.Series);

        // The job runs for the first two minutes of every hour; point p is the state at the end of minute p.
        var hours = Enumerable.Range(2 * 24 + 1, 22).Select(h => h * 60).ToList();
        static int Ready(RunSeries s, int minute) => (int)s.Ready[minute - 1];
        var ahead = hours.Count(m => Ready(predictive, m) >= 2);
        var hpaAhead = hours.Count(m => Ready(hpa, m) >= 2);
        Assert.True(ahead >= 18, $"predictive had 2+ replicas ready at the start of {ahead} of {hours.Count} hourly jobs on day 3");
        Assert.True(hpaAhead <= ahead / 2, $"the hpa had 2+ ready at {hpaAhead} job starts (it scales down between jobs)");
    }

    [Fact]
    public void SmoothDiurnal_CheaperThanTheHpaAtTheSameSla()
    {
        var (predictiveRun, hpaRun) = Run(TraceShapes.SmoothDiurnal, days: 4);
        var (predictive, hpa) = (predictiveRun.Result, hpaRun.Result);

        Assert.True(predictive.SlaViolationRate <= 0.001, $"predictive violations {predictive.SlaViolationRate:P3}");
        Assert.True(predictive.ReplicaHours < 0.95 * hpa.ReplicaHours, $"predictive {predictive.ReplicaHours:F1} vs hpa {hpa.ReplicaHours:F1} replica-hours");
    }

    [Fact]
    public void FlashCrowd_BelowTheHpaFrontier()
    {
        // Surges of 4-8x within two minutes at random minutes: nothing forecasts them, so the gain must come from the
        // reaction (the floor drains the backlog over the start-up delay instead of tracking utilization, which saturates
        // at 100% in a surge), from the tail of the errors the service already made, and from not paying the target's
        // headroom between surges. The HPA buys fewer violations only with a lower target: swept over 0.4-0.6 here, no
        // target is as good on both axes, and at the predictive policy's cost the frontier has a third more violations at
        // least (the full-size run in docs/frontier.md has twice).
        var workload = new EvaluationWorkload(TraceShapes.Create(TraceShapes.FlashCrowd, 6), new EvaluationOptions { PeakReplicas = 8, Warmup = TimeSpan.FromDays(2) });
        var predictive = EvaluationRunner.Run(workload, new RunSpec("predictive", "least-request", "baseline")).Result;
        var hpa = new[] { 0.6, 0.5, 0.4 }.Select(target =>
        {
            var swept = new EvaluationWorkload(workload.Trace, workload.Options with { TargetUtilization = target, Scale = workload.Scale, Warmup = TimeSpan.FromSeconds(workload.WarmupSeconds) });
            var result = EvaluationRunner.Run(swept, new RunSpec("hpa", "least-request", "baseline")).Result;
            return new FrontierPoint("hpa", $"{target}", result.ReplicaHours, result.SlaViolationRate);
        }).ToList();

        Assert.True(hpa[0].ExcessViolations > 0.001, $"the surges must break the hpa's SLA for the test to mean anything ({hpa[0].ExcessViolations:P3})");
        Assert.True(predictive.SlaViolationRate < 0.5 * hpa[0].ExcessViolations,
            $"violations: predictive {predictive.SlaViolationRate:P3}, hpa at 0.6 {hpa[0].ExcessViolations:P3}");
        var comparison = FrontierComparison.Of(new FrontierPoint("predictive", "default", predictive.ReplicaHours, predictive.SlaViolationRate), new FrontierCurve(hpa));
        var points = string.Join(", ", hpa.Select(p => $"{p.Setting}: {p.ReplicaHours:F1} h / {p.ExcessViolations:P3}"));
        Assert.False(comparison.Dominated, $"predictive {predictive.ReplicaHours:F1} h / {predictive.SlaViolationRate:P3} is dominated by the hpa ({points})");
        Assert.True(comparison.ViolationRatio < 0.75, $"violation ratio at equal cost {comparison.ViolationRatio:F2}: predictive {predictive.ReplicaHours:F1} h / {predictive.SlaViolationRate:P3}, hpa {points}");
    }

    /// <summary>The predictive policy and the hpa (least-request, defaults) on <paramref name="days"/> of a shape, peak 8 replicas, scored after day 2.</summary>
    private static (RunOutcome Predictive, RunOutcome Hpa) Run(string shape, int days)
    {
        var workload = new EvaluationWorkload(TraceShapes.Create(shape, days), new EvaluationOptions { PeakReplicas = 8, Warmup = TimeSpan.FromDays(2) });
        return (EvaluationRunner.Run(workload, new RunSpec("predictive", "least-request", "baseline")),
                EvaluationRunner.Run(workload, new RunSpec("hpa", "least-request", "baseline")));
    }
}

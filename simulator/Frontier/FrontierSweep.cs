using System.Globalization;
using Pipeline.Predictor.Autoscaling;
using Pipeline.Simulator.Evaluation;

namespace Pipeline.Simulator.Frontier;

/// <summary>
/// Runs a <see cref="FrontierPlan"/> on one load: the HPA at each target (the same scaled trace, only the HPA's
/// target changes), the predictive policy at each knob setting and the other policies once, in parallel, longest first.
/// </summary>
public static class FrontierSweep
{
    /// <summary>Runs every point; <paramref name="finished"/> is told each run as it ends.</summary>
    public static FrontierResult Run(EvaluationWorkload workload, FrontierPlan plan, int parallelism, Action<FrontierRun, RunOutcome>? finished = null)
    {
        var jobs = Jobs(workload, plan);
        var runs = new FrontierRun[jobs.Count];
        var gate = new Lock();
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            var (policy, setting, load) = jobs[i];
            var outcome = EvaluationRunner.Run(load, new RunSpec(policy, plan.Balancer, ScenarioNames.Baseline));
            runs[i] = new FrontierRun(policy, setting, outcome.Result);
            lock (gate) finished?.Invoke(runs[i], outcome);
        });
        return new FrontierResult(runs, workload.SlaUtilization);
    }

    /// <summary>The (policy, setting, workload) of every run, predictive first (its runs take longest).</summary>
    public static IReadOnlyList<(string Policy, string Setting, EvaluationWorkload Workload)> Jobs(EvaluationWorkload workload, FrontierPlan plan)
    {
        var o = workload.Options;
        var jobs = new List<(string, string, EvaluationWorkload)>();
        foreach (var knob in plan.Predictive)
        {
            var options = o with
            {
                ConfigurePredictive = p =>
                {
                    o.ConfigurePredictive?.Invoke(p);
                    knob.Configure?.Invoke(p);
                },
            };
            jobs.Add((AutoscalingPolicyNames.Predictive, knob.Label, Same(workload, options)));
        }
        foreach (var target in plan.HpaTargets)
        {
            jobs.Add((AutoscalingPolicyNames.Hpa, target.ToString("0.0#", CultureInfo.InvariantCulture), Same(workload, o with { TargetUtilization = target })));
        }
        foreach (var other in plan.Others) jobs.Add((other, "", workload));
        return jobs;
    }

    // The same scaled load and scored span under other options: the trace is already sliced, the scale and warm-up fixed.
    private static EvaluationWorkload Same(EvaluationWorkload workload, EvaluationOptions options) =>
        new(workload.Trace, options with { Scale = workload.Scale, Warmup = TimeSpan.FromSeconds(workload.WarmupSeconds) });
}

using Pipeline.Simulator.Balancing;

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// Which runs an evaluation makes: every autoscaler x balancer x scenario requested, plus the <c>hpa</c> +
/// <c>round-robin</c> baseline every improvement is measured against. Names are checked up front; an unknown one
/// is rejected with the list of known names.
/// </summary>
public static class EvaluationPlan
{
    /// <summary>The balancer of the default runs.</summary>
    public const string DefaultBalancer = BalancerNames.LeastRequest;

    /// <summary>The baseline: Kubernetes HPA behind round robin.</summary>
    public static RunSpec Baseline(string scenario) => new("hpa", BalancerNames.RoundRobin, scenario);

    /// <summary>
    /// Builds the run list. Empty <paramref name="autoscalers"/>: every known policy but the frontier's own references
    /// (<see cref="EvaluationPolicies.InDefaultRuns"/>); empty <paramref name="balancers"/>:
    /// <see cref="DefaultBalancer"/>; empty <paramref name="scenarios"/>: <c>baseline</c>.
    /// </summary>
    public static IReadOnlyList<RunSpec> Build(EvaluationWorkload workload, IReadOnlyList<string> autoscalers, IReadOnlyList<string> balancers, IReadOnlyList<string> scenarios)
    {
        var known = EvaluationPolicies.Create(workload).Names;
        IReadOnlyList<string> a = autoscalers.Count > 0 ? autoscalers : [.. known.Where(EvaluationPolicies.InDefaultRuns)];
        var b = balancers.Count > 0 ? balancers : [DefaultBalancer];
        var s = scenarios.Count > 0 ? scenarios : [ScenarioNames.Baseline];
        foreach (var name in a)
        {
            if (!known.Contains(name)) throw new ArgumentException($"unknown autoscaler '{name}'; known autoscalers: {string.Join(", ", known)}");
        }
        foreach (var name in b) BalancerRegistry.Validate(name);
        foreach (var name in s) ScenarioNames.Validate(name);

        var runs = new List<RunSpec>();
        foreach (var scenario in s)
        {
            var baseline = Baseline(scenario);
            if (known.Contains(baseline.Autoscaler)) runs.Add(baseline);
            foreach (var autoscaler in a)
            {
                foreach (var balancer in b)
                {
                    var spec = new RunSpec(autoscaler, balancer, scenario);
                    if (!runs.Contains(spec)) runs.Add(spec);
                }
            }
        }
        return runs;
    }

    /// <summary>
    /// Builds the run list from <c>AUTOSCALER+BALANCER</c> pairs (e.g. <c>threshold+round-robin</c>) for every scenario
    /// (default <c>baseline</c>), after the hpa + round-robin baseline; names are checked as in <see cref="Build"/>.
    /// </summary>
    public static IReadOnlyList<RunSpec> Pairs(EvaluationWorkload workload, IReadOnlyList<string> pairs, IReadOnlyList<string> scenarios)
    {
        var known = EvaluationPolicies.Create(workload).Names;
        var parsed = pairs.Select(p => p.Split('+', StringSplitOptions.TrimEntries) is [var a, var b] && a.Length > 0 && b.Length > 0
            ? (Autoscaler: a, Balancer: b)
            : throw new ArgumentException($"--runs: '{p}' is not AUTOSCALER+BALANCER, e.g. hpa+least-request")).ToList();
        foreach (var (a, b) in parsed)
        {
            if (!known.Contains(a)) throw new ArgumentException($"unknown autoscaler '{a}'; known autoscalers: {string.Join(", ", known)}");
            BalancerRegistry.Validate(b);
        }
        var s = scenarios.Count > 0 ? scenarios : [ScenarioNames.Baseline];
        foreach (var name in s) ScenarioNames.Validate(name);
        var runs = new List<RunSpec>();
        foreach (var scenario in s)
        {
            runs.Add(Baseline(scenario));
            foreach (var (a, b) in parsed)
            {
                var spec = new RunSpec(a, b, scenario);
                if (!runs.Contains(spec)) runs.Add(spec);
            }
        }
        return runs;
    }
}

namespace Pipeline.Simulator.Evaluation;

/// <summary>Runs a list of combinations in parallel and fills in each run's cost reduction against <c>hpa</c>.</summary>
public static class EvaluationSuite
{
    /// <summary>
    /// Runs every spec (at most <paramref name="parallelism"/> at once); <paramref name="progress"/> gets (run index,
    /// fraction done). Results come back in the order of <paramref name="specs"/>.
    /// </summary>
    public static IReadOnlyList<RunOutcome> Run(EvaluationWorkload workload, IReadOnlyList<RunSpec> specs, int parallelism, Action<int, double>? progress = null)
    {
        var outcomes = new RunOutcome[specs.Count];
        // Longest first: learned policies (training models) take several times longer than the references and hpa,
        // so they start first and the cheap runs fill the other cores. Taken strictly in this order (no buffering).
        var order = Enumerable.Range(0, specs.Count).OrderBy(i => IsCheap(specs[i].Autoscaler) ? 1 : 0).ToList();
        var partitioner = System.Collections.Concurrent.Partitioner.Create(order, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            var reporter = progress is null ? null : new Progress(i, progress);
            outcomes[i] = EvaluationRunner.Run(workload, specs[i], reporter);
        });
        return WithCostReduction(outcomes);
    }

    /// <summary>Sets <see cref="RunResult.CostReductionPct"/> against the hpa run with the same balancer and scenario, else hpa + round-robin.</summary>
    public static IReadOnlyList<RunOutcome> WithCostReduction(IReadOnlyList<RunOutcome> outcomes)
    {
        RunResult? Find(string balancer, string scenario) =>
            outcomes.Select(o => o.Result).FirstOrDefault(r => r.Autoscaler == "hpa" && r.Balancer == balancer && r.Scenario == scenario);
        return [.. outcomes.Select(o =>
        {
            var hpa = Find(o.Result.Balancer, o.Result.Scenario) ?? Find(EvaluationPlan.Baseline(o.Result.Scenario).Balancer, o.Result.Scenario);
            double? reduction = hpa is { ReplicaHours: > 0 } ? 100 * (1 - o.Result.ReplicaHours / hpa.ReplicaHours) : null;
            return o with { Result = o.Result with { CostReductionPct = reduction } };
        })];
    }

    private static bool IsCheap(string autoscaler) => autoscaler is "hpa" || EvaluationPolicies.IsReference(autoscaler);

    private sealed class Progress(int index, Action<int, double> report) : IProgress<double>
    {
        public void Report(double value) => report(index, value);
    }
}

using System.Text.Json;
using Pipeline.Simulator.Evaluation;
using Pipeline.Simulator.Reporting;
using Pipeline.Simulator.Traces;

namespace Pipeline.Simulator.Tests.Evaluation;

/// <summary>The harness end to end on a small synthetic trace: 3 h of minutes, quiet then a step to the peak.</summary>
public class EvaluationRunnerTests
{
    private static readonly EvaluationWorkload Workload = new(StepTrace(), new EvaluationOptions
    {
        PeakReplicas = 8,
        Warmup = TimeSpan.FromMinutes(30),
    });

    /// <summary>60 requests/minute for 90 minutes, then 600/minute for 90 minutes.</summary>
    private static Trace StepTrace() =>
        new("step", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1),
            [.. Enumerable.Range(0, 180).Select(i => i < 90 ? 60.0 : 600.0)]);

    [Theory]
    [InlineData("hpa", true)]
    [InlineData("predictive", true)]
    [InlineData("static-peak", false)]
    [InlineData("oracle", false)]
    public void SizesFromUtilization_LiveAutoscalersYesReferencesNo(string autoscaler, bool expected)
    {
        // The policy says it; the run passes it to the learned balancer, which equalizes utilization for hpa and predictive.
        Assert.Equal(expected, EvaluationPolicies.Create(Workload).Create(autoscaler).SizesFromUtilization);
    }

    [Fact]
    public void Run_Oracle_NeverUnderProvisionedAndCheaperThanStaticPeak()
    {
        var oracle = EvaluationRunner.Run(Workload, new RunSpec("oracle", "least-request", "baseline")).Result;
        var peak = EvaluationRunner.Run(Workload, new RunSpec("static-peak", "least-request", "baseline")).Result;

        Assert.Equal(0, oracle.Elasticity.UnderTimeshare);
        Assert.Null(oracle.ScalingDecisionLatencyS);
        Assert.True(oracle.ReplicaHours < peak.ReplicaHours);
        Assert.Equal(8 * 2.5, peak.ReplicaHours, 6); // 8 replicas over the 2.5 scored hours
        Assert.Equal(0, oracle.DroppedRequests);
    }

    [Fact]
    public void Run_HpaAfterLoadStep_UnderProvisionedThenScalesUpWithPositiveLatency()
    {
        var hpa = EvaluationRunner.Run(Workload, new RunSpec("hpa", "round-robin", "baseline"));

        Assert.True(hpa.Result.Elasticity.UnderTimeshare > 0);
        // Saturated replicas report at most 100% utilization, so the HPA needs several rounds (each waiting for new
        // replicas to become ready) to cover a tenfold step.
        Assert.InRange(hpa.Result.ScalingDecisionLatencyS ?? double.NaN, 15, 600);
        Assert.InRange(hpa.Series.Ready[^1], 8, 10);
        Assert.Equal(hpa.Series.Minutes.Length, hpa.Series.Demand.Length);
    }

    [Fact]
    public void Run_SameSpec_Deterministic()
    {
        var spec = new RunSpec("hpa", "least-request", "baseline");

        Assert.Equal(EvaluationRunner.Run(Workload, spec).Result, EvaluationRunner.Run(Workload, spec).Result);
    }

    [Fact]
    public void Build_UnknownAutoscaler_RejectedWithKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => EvaluationPlan.Build(Workload, ["hpa", "magic"], [], []));

        Assert.Contains("magic", error.Message);
        Assert.Contains("oracle", error.Message);
        Assert.Contains("static-peak", error.Message);
    }

    [Fact]
    public void Build_Defaults_AllPoliciesWithLeastRequestPlusBaseline()
    {
        var runs = EvaluationPlan.Build(Workload, [], [], []);

        Assert.Equal(new RunSpec("hpa", "round-robin", "baseline"), runs[0]);
        Assert.Contains(new RunSpec("oracle", "least-request", "baseline"), runs);
        Assert.Contains(new RunSpec("static-peak", "least-request", "baseline"), runs);
        Assert.Contains(new RunSpec("sla-oracle", "least-request", "baseline"), runs);
        Assert.DoesNotContain(runs, r => r.Autoscaler == "sla-reactive"); // the frontier's reference, asked for by name
        Assert.All(runs.Skip(1), r => Assert.Equal("least-request", r.Balancer));
    }

    [Fact]
    public void Build_SlaReactiveByName_Runs() =>
        Assert.Contains(new RunSpec("sla-reactive", "least-request", "baseline"), EvaluationPlan.Build(Workload, ["sla-reactive"], [], []));

    [Fact]
    public void Serialize_Runs_ExactlyTheDocumentedFields()
    {
        var result = EvaluationRunner.Run(Workload, new RunSpec("oracle", "jsq", "crash")).Result;
        using var json = JsonDocument.Parse(JsonReport.Serialize([result]));

        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(
            ["autoscaler", "balancer", "scenario", "requests", "droppedRequests", "avgResponseMs", "p50ResponseMs", "p95ResponseMs", "p99ResponseMs",
             "throughputRps", "utilization", "scalingDecisionLatencyS", "slaViolationRate", "replicaHours", "costReductionPct", "elasticity"],
            run.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["underAccuracy", "overAccuracy", "underAccuracyRelative", "overAccuracyRelative", "underTimeshare", "overTimeshare", "jitter", "instability"],
            run.GetProperty("elasticity").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void WithCostReduction_AgainstHpaOfSameBalancer()
    {
        var hpa = EvaluationRunner.Run(Workload, new RunSpec("hpa", "least-request", "baseline"));
        var peak = EvaluationRunner.Run(Workload, new RunSpec("static-peak", "least-request", "baseline"));

        var scored = EvaluationSuite.WithCostReduction([hpa, peak]);

        Assert.Equal(0, scored[0].Result.CostReductionPct);
        Assert.Equal(100 * (1 - peak.Result.ReplicaHours / hpa.Result.ReplicaHours), scored[1].Result.CostReductionPct!.Value, 9);
    }
}

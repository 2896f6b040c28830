using Pipeline.Simulator.Evaluation;
using Pipeline.Simulator.Frontier;
using Pipeline.Simulator.Traces;

namespace Pipeline.Simulator.Tests.Evaluation;

/// <summary>
/// The <c>sla-oracle</c> (pooled M/G/(N·c) sizing) on a small evaluation (3 h of minutes: quiet, a tenfold step, a slow
/// decline): it meets the SLA, and no other run that meets it is cheaper (the HPA at seven targets, the threshold rules,
/// the per-replica SLA sizing, the utilization oracle, static peak).
/// </summary>
public class SlaOracleTests
{
    private static readonly EvaluationWorkload Workload = new(Trace(), new EvaluationOptions
    {
        PeakReplicas = 8,
        Warmup = TimeSpan.FromMinutes(30),
    });

    private static Trace Trace() =>
        new("step-decline", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1),
            [.. Enumerable.Range(0, 180).Select(i => i < 60 ? 60.0 : i < 120 ? 600.0 : 600.0 - 8 * (i - 120))]);

    private static readonly Lazy<FrontierResult> Sweep = new(() => FrontierSweep.Run(Workload, new FrontierPlan
    {
        Predictive = [],
        Others = ["threshold", "oracle", "sla-oracle", "sla-per-replica", "static-peak", "sla-reactive"],
    }, Environment.ProcessorCount));

    [Fact]
    public void Run_SlaOracle_MeetsSlaAndCheaperThanUtilizationOracle()
    {
        var sla = Sweep.Value.Runs.Single(r => r.Policy == "sla-oracle").Result;
        var oracle = Sweep.Value.Runs.Single(r => r.Policy == "oracle").Result;

        Assert.True(sla.SlaViolationRate <= 1 - Workload.Options.SlaTarget, $"sla-oracle violations {sla.SlaViolationRate:P3}");
        Assert.True(sla.ReplicaHours < oracle.ReplicaHours);
    }

    [Fact]
    public void Run_EveryRunMeetingSla_NotCheaperThanSlaOracle()
    {
        var sla = Sweep.Value.Runs.Single(r => r.Policy == "sla-oracle").Result;
        var meeting = Sweep.Value.Runs.Where(r => r.Policy != "sla-oracle" && r.Result.SlaViolationRate <= 1 - Workload.Options.SlaTarget).ToList();

        Assert.NotEmpty(meeting);
        Assert.All(meeting, r => Assert.True(r.Result.ReplicaHours >= sla.ReplicaHours,
            $"{r.Policy} {r.Setting}: {r.Result.ReplicaHours:0.00} h at {r.Result.SlaViolationRate:P3} < sla-oracle {sla.ReplicaHours:0.00} h"));
    }

    [Fact]
    public void Run_SlaReactive_TheUnannouncedStepCostsItTheSla()
    {
        var reactive = Sweep.Value.Runs.Single(r => r.Policy == "sla-reactive").Result;
        var sla = Sweep.Value.Runs.Single(r => r.Policy == "sla-oracle").Result;

        // Same sizing, no foresight: the tenfold step is served by the replicas of before for the start-up delay.
        Assert.True(reactive.SlaViolationRate > 1 - Workload.Options.SlaTarget, $"sla-reactive violations {reactive.SlaViolationRate:P3}");
        Assert.True(reactive.SlaViolationRate > 10 * sla.SlaViolationRate);
    }

    [Fact]
    public void Run_SlaReactiveWithHeadroom_PaysForFewerViolations()
    {
        var plain = Sweep.Value.Runs.Single(r => r.Policy == "sla-reactive").Result;
        var doubled = EvaluationRunner.Run(new EvaluationWorkload(Trace(), new EvaluationOptions
        {
            PeakReplicas = 8,
            Warmup = TimeSpan.FromMinutes(30),
            ReactiveHeadroom = 2,
        }), new RunSpec("sla-reactive", "least-request", "baseline")).Result;

        Assert.InRange(doubled.ReplicaHours / plain.ReplicaHours, 1.5, 2.2);
        Assert.True(doubled.SlaViolationRate < plain.SlaViolationRate, $"{doubled.SlaViolationRate:P3} vs {plain.SlaViolationRate:P3}");
    }

    [Fact]
    public void SizesFromUtilization_SlaOracle_No()
    {
        Assert.False(EvaluationPolicies.Create(Workload).Create("sla-oracle").SizesFromUtilization);
    }

    [Fact]
    public void Run_SlaPerReplica_MeetsSlaAndNotCheaperThanSlaOracle()
    {
        var perReplica = Sweep.Value.Runs.Single(r => r.Policy == "sla-per-replica").Result;

        Assert.True(perReplica.SlaViolationRate <= 1 - Workload.Options.SlaTarget);
        Assert.True(perReplica.ReplicaHours >= Sweep.Value.Runs.Single(r => r.Policy == "sla-oracle").Result.ReplicaHours);
    }
}

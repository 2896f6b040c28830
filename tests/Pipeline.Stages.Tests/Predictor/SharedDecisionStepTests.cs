using System.Text.Json;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Control;
using Pipeline.Simulator.Load;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Stages.Tests.Predictor;

/// <summary>
/// The simulator's control loop (what <c>pipeline evaluate</c> runs) and the live predictor stage make the same
/// decisions from the same windows and actuation results: they run one decision step.
/// </summary>
public sealed class SharedDecisionStepTests
{
    [Theory]
    [InlineData("hpa", "learned")]
    [InlineData("predictive", "learned")]
    [InlineData("predictive", "")]
    public void LiveStageAndSimulatorLoop_SameWindows_IdenticalDecisions(string policy, string routing)
    {
        PredictorOptions Options() => new() { AutoscalingPolicy = policy, RoutingPolicy = routing };
        var cluster = new SimulatedCluster(new SimulatedClusterOptions { Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Seed = 7 },
            [new ServiceOptions
            {
                Name = "web", Balancer = BalancerNames.Learned, InitialReplicas = 2, StartupDelay = TimeSpan.FromSeconds(30),
                Load = new SyntheticLoadProfile(new SyntheticLoadOptions { BaseRatePerSecond = 40, Period = TimeSpan.FromMinutes(30), SurgeStart = TimeSpan.FromMinutes(40) }),
            }]);
        var simulated = new List<(FeatureWindow Window, ScaleDecision Scale, RouteDecision? Route, ActuationResult Applied)>();
        var loop = new ClusterControlLoop(cluster, PredictorPolicies.CreateStep(Options()))
        {
            Decided = (w, d, applied) => simulated.Add((w, d.Scale, d.Route, applied)),
        };
        loop.AdvanceToSeconds(TimeSpan.FromHours(1.5).TotalSeconds);

        var live = PredictorPolicies.CreateProcessor(Options());
        var output = new RecordingStageOutput();
        foreach (var (window, _, _, applied) in simulated)
        {
            live.Process(Inputs.Of(TopicNames.Features, "web", window), output);
            live.Process(Inputs.Of(TopicNames.Actuations, "web", applied), output);
        }

        Assert.True(simulated.Count > 300, $"only {simulated.Count} windows");
        Assert.Contains(simulated, s => s.Scale.DesiredReplicas != s.Scale.CurrentReplicas); // it did scale
        Assert.Equal(Json(simulated.Select(s => s.Scale)), Json(output.Of<ScaleDecision>()));
        Assert.Equal(Json(simulated.Where(s => s.Route is not null).Select(s => s.Route!)), Json(output.Of<RouteDecision>()));
        Assert.Equal(routing.Length > 0, output.Of<RouteDecision>().Any());
    }

    [Fact]
    public void AdvanceTo_OneLongAdvance_DecidesEachWindowWhenItClosesNotAtTheEnd()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var cluster = new SimulatedCluster(new SimulatedClusterOptions { Start = start, Seed = 3 },
            [new ServiceOptions { Name = "web", InitialReplicas = 1, Load = new ConstantLoadProfile(30), StartupDelay = TimeSpan.FromSeconds(5) }]);
        var decidedAt = new List<TimeSpan>();
        var loop = new ClusterControlLoop(cluster, PredictorPolicies.CreateStep(new PredictorOptions { AutoscalingPolicy = "hpa", RoutingPolicy = "", ShadowPolicy = "" }))
        {
            Decided = (_, d, _) => decidedAt.Add(cluster.Now - d.Scale.WindowEnd),
        };

        loop.AdvanceToSeconds(600);

        Assert.True(decidedAt.Count >= 35, $"{decidedAt.Count} decisions");
        // Each window is decided within a sample interval of its close (end + 5 s grace), as the live features stage does.
        Assert.All(decidedAt, lag => Assert.InRange(lag.TotalSeconds, 5, 7));
        Assert.True(cluster.Counts("web").Desired > 1, "the overloaded service was never scaled up");
    }

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList(), JsonDefaults.Options);
}

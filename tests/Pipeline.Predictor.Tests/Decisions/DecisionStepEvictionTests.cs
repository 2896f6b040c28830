using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Service;

namespace Pipeline.Predictor.Tests.Decisions;

/// <summary>Eviction of idle services from the decision step: their policy state goes, the others' stays.</summary>
public class DecisionStepEvictionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static FeatureWindow Window(string service, int index) => new()
    {
        Service = service,
        WindowStart = T0.AddSeconds(15 * index),
        WindowEnd = T0.AddSeconds(15 * (index + 1)),
        SampleCount = 60,
        Replicas = 4,
        ReadyReplicas = 4,
        RequestRate = 100,
        Throughput = 100,
        Utilization = 0.5,
    };

    [Fact]
    public void EvictIdle_PredictiveHistoryOfTheIdleServiceDropped_OthersKept()
    {
        var step = PredictorPolicies.CreateStep(new PredictorOptions { AutoscalingPolicy = "predictive", RoutingPolicy = "", ShadowPolicy = "" });
        for (var i = 0; i < 10; i++) step.Decide(Window("idle", i));
        for (var i = 0; i < 250; i++) step.Decide(Window("busy", i));

        var gone = step.EvictIdle(T0.AddSeconds(15 * 250), TimeSpan.FromHours(1));
        var busy = step.Decide(Window("busy", 250)).Scale;
        var back = step.Decide(Window("idle", 251)).Scale;

        Assert.Equal(["idle"], gone);
        Assert.Equal(1, back.Inputs["historyPoints"]);        // started afresh
        Assert.Equal(251, busy.Inputs["historyPoints"]);      // untouched
        Assert.Empty(step.EvictIdle(T0.AddSeconds(15 * 252), TimeSpan.FromHours(1)));
    }
}

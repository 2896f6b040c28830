using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Decisions;
using Pipeline.Predictor.Service;

namespace Pipeline.Predictor.Tests.Decisions;

/// <summary>Which actuation results the decision step follows: only those for a recent decision it issued, once, in bounds.</summary>
public class DecisionStepFollowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static FeatureWindow Window(int index) => new()
    {
        Service = "web", WindowStart = T0.AddSeconds(15 * index), WindowEnd = T0.AddSeconds(15 * (index + 1)),
        SampleCount = 60, Replicas = 4, ReadyReplicas = 4, RequestRate = 100, Throughput = 100, Utilization = 0.5,
    };

    private static DecisionStep Step() =>
        PredictorPolicies.CreateStep(new PredictorOptions { AutoscalingPolicy = "hpa", RoutingPolicy = "", ShadowPolicy = "", MaxReplicas = 20 });

    private static ActuationResult Result(string decisionId, int applied, string status = ActuationStatuses.Applied) => new()
    {
        DecisionId = decisionId, Kind = "scale", Service = "web", Target = "simulator", Timestamp = T0, Status = status, AppliedReplicas = applied,
    };

    [Fact]
    public void Follow_ResultOfAnIssuedDecision_BecomesTheCurrentCount()
    {
        var step = Step();
        var issued = step.Decide(Window(0)).Scale;

        Assert.True(step.Follow(Result(issued.Id, 7, ActuationStatuses.Clamped)));
        Assert.Equal(7, step.Decide(Window(1)).Scale.CurrentReplicas);
    }

    [Theory]
    [InlineData("forged", 9)]   // an id this step never issued
    [InlineData(null, -5)]      // the issued id, a negative count
    [InlineData(null, 21)]      // the issued id, above the maximum (20) and the decision's desired count
    public void Follow_ForgedResult_IgnoredCurrentCountFromTheWindow(string? decisionId, int applied)
    {
        var step = Step();
        var issued = step.Decide(Window(0)).Scale;

        Assert.False(step.Follow(Result(decisionId ?? issued.Id, applied)));
        Assert.Equal(4, step.Decide(Window(1)).Scale.CurrentReplicas);
    }

    [Fact]
    public void Follow_SecondResultForAFollowedDecisionOrAnOlderOne_Ignored()
    {
        var step = Step();
        var first = step.Decide(Window(0)).Scale;
        var second = step.Decide(Window(1)).Scale;
        Assert.True(step.Follow(Result(second.Id, 6)));

        Assert.False(step.Follow(Result(second.Id, 2)));  // a second result for the same decision
        Assert.False(step.Follow(Result(first.Id, 3)));   // the older decision, after the newer one was followed
        Assert.Equal(6, step.Decide(Window(2)).Scale.CurrentReplicas);
    }
}

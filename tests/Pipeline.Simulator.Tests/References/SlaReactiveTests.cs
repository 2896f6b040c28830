using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;
using Pipeline.Simulator.References;

namespace Pipeline.Simulator.Tests.References;

/// <summary>
/// <c>sla-reactive</c> on a hand-made demand curve of one-minute rows (1, 1, 1, 10, 10, 1, 1, 1, 1 replicas), a 15 s
/// measurement lag and a 75 s hold: it sees only the past, so it does not provision the surge before it starts, sees it
/// one window in, and keeps it for the hold after it ends.
/// </summary>
public class SlaReactiveTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DemandCurve Curve = new([1, 1, 1, 10, 10, 1, 1, 1, 1], rowSeconds: 60);

    private static ScaleDecision Decide(double secondsFromStart)
    {
        var policy = OraclePolicy.Reactive(Curve, Start, lag: TimeSpan.FromSeconds(15), hold: TimeSpan.FromSeconds(75));
        var now = Start.AddSeconds(secondsFromStart);
        var window = new FeatureWindow { Service = "web", WindowStart = now.AddSeconds(-15), WindowEnd = now };
        return policy.Decide(new AutoscalingContext { Service = "web", Now = now, Window = window, CurrentReplicas = 1 });
    }

    [Theory]
    [InlineData(179, 1)] // a second before the surge: nothing in the past announces it
    [InlineData(190, 1)] // 10 s into it: the last measurement (15 s old) is still before it
    [InlineData(196, 10)] // one window in: seen
    [InlineData(300 + 15 + 74, 10)] // the surge ended at 300 s; seen until 315 s, held 75 s more
    [InlineData(300 + 15 + 76, 1)]
    public void Decide_SeesOnlyThePastAndHoldsForTheRestartTime(double seconds, int expected) =>
        Assert.Equal(expected, Decide(seconds).DesiredReplicas);

    [Fact]
    public void Scaled_Headroom_EveryRowRoundedUp()
    {
        var scaled = Curve.Scaled(1.5);

        Assert.Equal([2, 2, 2, 15, 15, 2, 2, 2, 2], Enumerable.Range(0, 9).Select(i => scaled.At(i * 60 + 30)));
        Assert.Equal(15, scaled.Peak);
    }

    [Fact]
    public void Decide_NamedAndExplained()
    {
        var decision = Decide(196);

        Assert.Equal("sla-reactive", decision.Policy);
        Assert.Contains("largest demand from 90 s to 15 s ago is 10 replicas", decision.Explanation);
    }
}

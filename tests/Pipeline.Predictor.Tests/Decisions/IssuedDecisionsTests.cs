using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Decisions;

namespace Pipeline.Predictor.Tests.Decisions;

/// <summary>The ring of recent decisions a step follows actuation results for, at and past its size.</summary>
public class IssuedDecisionsTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScaleDecision Decision(int n) => new()
    {
        Id = $"d-{n}", Service = "svc", Timestamp = At.AddSeconds(15 * n), Policy = "hpa", DesiredReplicas = n, Explanation = "test",
    };

    private static ActuationResult Result(int n, int applied) => new()
    {
        DecisionId = $"d-{n}", Kind = "scale", Service = "svc", Target = "sim", Timestamp = At.AddSeconds(15 * n + 1),
        Status = "applied", AppliedReplicas = applied,
    };

    /// <summary>
    /// With 33 decisions issued into a ring of 32, the first is forgotten (refused as too old); the second is followed,
    /// bounded by its own desired count; an older one than that is then refused; a repeated id is kept once.
    /// </summary>
    [Fact]
    public void Refusal_PastTheRingSize_OldestForgottenOthersByTheirOwnCount()
    {
        var issued = new IssuedDecisions(32);
        for (var n = 1; n <= 33; n++) issued.Issued(Decision(n));
        issued.Issued(Decision(33)); // a repeat: not a 34th entry, so d-2 stays remembered

        Assert.Contains("not issued by this predictor", issued.Refusal(Result(1, 1), maxReplicas: 0));
        Assert.Contains("outside [0, 2]", issued.Refusal(Result(2, 3), maxReplicas: 0));
        Assert.Null(issued.Refusal(Result(3, 3), maxReplicas: 0));
        Assert.Contains("not newer than the last decision followed", issued.Refusal(Result(2, 2), maxReplicas: 0));
        Assert.Null(issued.Refusal(Result(33, 33), maxReplicas: 0));
        Assert.Contains("not newer", issued.Refusal(Result(33, 33), maxReplicas: 0));
    }

    [Fact]
    public void Constructor_SizeBelowOne_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IssuedDecisions(0));
}

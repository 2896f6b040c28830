using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Routing;

namespace Pipeline.Predictor.Tests.Routing;

public sealed class EqualRoutingPolicyTests
{
    private static readonly DateTimeOffset End = new(2026, 1, 1, 0, 0, 15, TimeSpan.Zero);

    private static RouteDecision Decide(params (string Replica, bool Ready)[] replicas)
    {
        var window = new FeatureWindow
        {
            Service = "web",
            WindowStart = End.AddSeconds(-15),
            WindowEnd = End,
            ReplicaFeatures = [.. replicas.Select(r => new ReplicaFeatures { Replica = r.Replica, Ready = r.Ready })],
        };
        var policy = RoutingPolicyRegistry.CreateDefault().Create(RoutingPolicyNames.Equal);
        return policy.Decide(new RoutingContext { Service = "web", Now = End.AddSeconds(1), Window = window });
    }

    [Fact]
    public void Decide_ReadyAndUnready_EqualWeightsOverReadyOnly()
    {
        var decision = Decide(("a", true), ("b", false), ("c", true), ("d", true));

        Assert.Equal(1.0 / 3, decision.Weights["a"], 12);
        Assert.Equal(0, decision.Weights["b"]);
        Assert.Equal(1.0, decision.Weights.Values.Sum(), 12);
        Assert.Equal("3 ready of 4 replicas -> equal weight 0.333 each, 0 to not-ready", decision.Explanation);
        Assert.Equal("web/equal/2026-01-01T00:00:15.0000000Z", decision.Id);
    }

    [Fact]
    public void Decide_NoReadyReplica_FailsOpenOverAll()
    {
        var decision = Decide(("a", false), ("b", false));

        Assert.Equal([0.5, 0.5], decision.Weights.Values);
        Assert.Contains("fail open", decision.Explanation);
    }

    [Fact]
    public void Decide_NoReplicas_EmptyWeights()
    {
        var decision = Decide();

        Assert.Empty(decision.Weights);
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => RoutingPolicyRegistry.CreateDefault().Create("magic"));

        Assert.Contains("known: equal", error.Message);
    }
}

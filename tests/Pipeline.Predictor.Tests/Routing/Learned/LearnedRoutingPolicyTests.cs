using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Routing;
using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Predictor.Tests.Routing.Learned;

public sealed class LearnedRoutingPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const double WindowSeconds = 15;

    /// <summary>A replica of speed s at utilization u: 4 workers x 10 req/s x s x u responses per second, latency 100 ms / s.</summary>
    private static ReplicaFeatures Replica(string name, double speed, double utilization, double errorRate = 0, double? latencyMs = null) => new()
    {
        Replica = name,
        Throughput = 40 * speed * utilization / (1 - errorRate),
        RequestRate = 40 * speed * utilization / (1 - errorRate),
        Utilization = utilization,
        ErrorRate = errorRate,
        LatencyMeanMs = latencyMs ?? 100 / speed * (1 + 0.5 * utilization / (1 - utilization)),
    };

    private static RouteDecision Decide(IRoutingPolicy policy, int window, params ReplicaFeatures[] replicas)
    {
        var end = Start.AddSeconds(WindowSeconds * (window + 1));
        return policy.Decide(new RoutingContext
        {
            Service = "web",
            Now = end.AddSeconds(5),
            Window = new FeatureWindow
            {
                Service = "web",
                WindowStart = end.AddSeconds(-WindowSeconds),
                WindowEnd = end,
                Utilization = replicas.Average(r => r.Utilization),
                ReplicaFeatures = replicas,
            },
        });
    }

    private static IRoutingPolicy Create() => RoutingPolicyRegistry.CreateDefault().Create(RoutingPolicyNames.Learned);

    [Fact]
    public void Decide_HeterogeneousSpeeds_WeightsFollowSpeedAndExplainTheSlowOne()
    {
        var policy = Create();
        RouteDecision decision = null!;
        for (var w = 0; w < 6; w++)
        {
            decision = Decide(policy, w, Replica("fast", 2, 0.3), Replica("normal", 1, 0.4), Replica("slow", 0.5, 0.5));
        }

        Assert.True(decision.Weights["fast"] > decision.Weights["normal"]);
        Assert.True(decision.Weights["normal"] > 2 * decision.Weights["slow"]);
        Assert.Equal(1, decision.Weights.Values.Sum(), 9);
        Assert.Contains("slow gets", decision.Explanation);
        Assert.Contains("capacity", decision.Explanation);
        Assert.Empty(decision.Ejected);
    }

    [Fact]
    public void Decide_ReplicaSlowsDown_ItsWeightFallsWindowAfterWindow()
    {
        var policy = Create();
        for (var w = 0; w < 5; w++) Decide(policy, w, Replica("a", 1, 0.4), Replica("b", 1, 0.4), Replica("c", 1, 0.4));
        var before = Decide(policy, 5, Replica("a", 1, 0.4), Replica("b", 1, 0.4), Replica("c", 1, 0.4)).Weights["c"];

        var weights = new List<double>();
        for (var w = 6; w < 12; w++)
        {
            weights.Add(Decide(policy, w, Replica("a", 1, 0.4), Replica("b", 1, 0.4), Replica("c", 0.4, 0.6)).Weights["c"]);
        }

        Assert.Equal(1.0 / 3, before, 3);
        Assert.True(weights[0] < before);
        for (var i = 1; i < weights.Count; i++) Assert.True(weights[i] <= weights[i - 1] + 1e-12, $"window {i}: {weights[i]} > {weights[i - 1]}");
        Assert.True(weights[^1] < 0.1, $"final weight {weights[^1]}");
    }

    [Fact]
    public void Decide_FastFailingReplica_EjectedWithZeroWeight()
    {
        var policy = Create();
        // The failing replica answers every request at once with an error: busy 0%, yet many responses.
        var decision = Decide(policy, 0, Replica("a", 1, 0.5), Replica("b", 1, 0.5), Replica("c", 1, 0.5),
            new ReplicaFeatures { Replica = "trap", Throughput = 60, RequestRate = 60, ErrorRate = 1, Utilization = 0 });

        Assert.Equal(0, decision.Weights["trap"]);
        Assert.Equal(["trap"], decision.Ejected);
        Assert.Contains("trap ejected for 30 s (error rate 100%", decision.Explanation);
    }

    [Fact]
    public void Decide_FailingAgainAfterEjection_EjectedLonger()
    {
        var policy = Create();
        var trap = new ReplicaFeatures { Replica = "trap", Throughput = 60, RequestRate = 60, ErrorRate = 1 };
        Decide(policy, 0, Replica("a", 1, 0.5), Replica("b", 1, 0.5), trap);

        var quiet = new ReplicaFeatures { Replica = "trap" };
        Decide(policy, 1, Replica("a", 1, 0.5), Replica("b", 1, 0.5), quiet); // ejected: no traffic
        var back = Decide(policy, 2, Replica("a", 1, 0.5), Replica("b", 1, 0.5), trap); // 30 s later: back, fails again

        Assert.Contains("trap ejected for 60 s", back.Explanation);
        Assert.Contains("ejection #2", back.Explanation);
    }

    [Fact]
    public void Decide_EjectedReplicaHealed_GetsItsShareBackAfterTheEjection()
    {
        var policy = Create();
        var trap = new ReplicaFeatures { Replica = "trap", Throughput = 60, RequestRate = 60, ErrorRate = 1 };
        Decide(policy, 0, Replica("a", 1, 0.5), Replica("b", 1, 0.5), trap);

        var during = Decide(policy, 1, Replica("a", 1, 0.5), Replica("b", 1, 0.5), new ReplicaFeatures { Replica = "trap" });
        var after = Decide(policy, 2, Replica("a", 1, 0.5), Replica("b", 1, 0.5), new ReplicaFeatures { Replica = "trap" });

        Assert.Equal(0, during.Weights["trap"]);
        Assert.Equal(1.0 / 3, after.Weights["trap"], 3); // not starved by its old failures: probed again
    }

    [Fact]
    public void Decide_MoreOutliersThanBudget_EjectsOnlyTheBudgetAndStillStarvesTheRest()
    {
        var policy = Create();
        ReplicaFeatures Failing(string name) => new() { Replica = name, Throughput = 40, RequestRate = 40, ErrorRate = 0.9, Utilization = 0.05, LatencyMeanMs = 100 };
        RouteDecision decision = null!;
        for (var w = 0; w < 2; w++)
        {
            decision = Decide(policy, w, Replica("a", 1, 0.5), Replica("b", 1, 0.5), Replica("c", 1, 0.5), Failing("x"), Failing("y"));
        }

        Assert.Single(decision.Ejected); // 5 replicas: budget max(1, 10%) = 1
        var kept = decision.Ejected[0] == "x" ? "y" : "x";
        Assert.Contains("budget", string.Join(" ", Decide(policy, 2, Replica("a", 1, 0.5), Replica("b", 1, 0.5), Replica("c", 1, 0.5), Failing("x"), Failing("y")).Explanation));
        Assert.True(decision.Weights[kept] < 0.01, $"weight of the failing replica left in {decision.Weights[kept]}");
    }

    [Fact]
    public void Decide_LatencyOutlier_Ejected()
    {
        var policy = Create();

        var decision = Decide(policy, 0, Replica("a", 1, 0.4), Replica("b", 1, 0.4), Replica("c", 1, 0.4), Replica("d", 1, 0.4, latencyMs: 900));

        Assert.Equal(["d"], decision.Ejected);
        Assert.Contains("mean latency 900 ms", decision.Explanation);
    }

    [Fact]
    public void Decide_NewReplicaWithoutData_GetsTheMedianShare()
    {
        var policy = Create();
        for (var w = 0; w < 3; w++) Decide(policy, w, Replica("a", 1, 0.4), Replica("b", 1, 0.4));

        var decision = Decide(policy, 3, Replica("a", 1, 0.4), Replica("b", 1, 0.4), new ReplicaFeatures { Replica = "new" });

        Assert.Equal(1.0 / 3, decision.Weights["new"], 3);
    }

    [Fact]
    public void Decide_NotReady_LeftOutSoItGetsTheMeanWeightWhenItTurnsReady()
    {
        var decision = Decide(Create(), 0, Replica("a", 1, 0.4), Replica("b", 1, 0.4) with { Ready = false });

        Assert.False(decision.Weights.ContainsKey("b"));
        Assert.Equal(1, decision.Weights["a"], 9);
    }
}

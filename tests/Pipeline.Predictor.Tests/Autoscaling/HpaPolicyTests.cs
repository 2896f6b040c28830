using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Autoscaling.Hpa;
using static Pipeline.Predictor.Tests.Autoscaling.Windows;

namespace Pipeline.Predictor.Tests.Autoscaling;

/// <summary>
/// The controller half of the <c>hpa</c> policy against kubernetes.io "Horizontal Pod Autoscaling": sync period,
/// stabilization windows, scaling policies (default scale-up max(100%, 4 pods) per 15 s, scale-down 100% per 15 s),
/// selectPolicy, min/max replicas.
/// </summary>
public sealed class HpaPolicyTests
{
    private static IAutoscalingPolicy Hpa(HpaOptions? options = null) => AutoscalingPolicyRegistry.CreateHpa(options);

    private static HpaOptions Target(double target, Action<HpaOptions>? configure = null)
    {
        var options = new HpaOptions { TargetUtilization = target };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Decides at each step of 15 s from <paramref name="firstEnd"/>, applying each decision as the next current count.</summary>
    private static List<ScaleDecision> Run(IAutoscalingPolicy policy, int current, double firstEnd, int steps, Func<int, double> utilization, int min = 1, int max = 100)
    {
        var decisions = new List<ScaleDecision>();
        for (var i = 0; i < steps; i++)
        {
            var decision = policy.Decide(Context(Uniform(firstEnd + 15 * i, current, utilization(i)), current, min, max));
            decisions.Add(decision);
            current = decision.DesiredReplicas;
        }
        return decisions;
    }

    public static TheoryData<string, int, double, HpaSelectPolicy, int, int, string, string> ScaleUpCases => new()
    {
        // name, current, target (all pods at 100%), selectPolicy, max, expected, rule, explanation fragment
        { "from 2: 4 pods beat 100%", 2, 0.1, HpaSelectPolicy.Max, 100, 6, HpaRules.RateLimited, "scale-up limited to 6 by 4 pods per 15s policy" },
        { "from 10: 100% beats 4 pods", 10, 0.1, HpaSelectPolicy.Max, 100, 20, HpaRules.RateLimited, "limited to 20 by 100% per 15s policy" },
        { "selectPolicy Min takes the smaller limit", 10, 0.1, HpaSelectPolicy.Min, 100, 14, HpaRules.RateLimited, "limited to 14 by 4 pods per 15s policy" },
        { "selectPolicy Disabled keeps the count", 10, 0.1, HpaSelectPolicy.Disabled, 100, 10, HpaRules.RateLimited, "scale-up disabled" },
        { "below the limit the recommendation stands", 4, 0.5, HpaSelectPolicy.Max, 100, 8, HpaRules.ScaleUp, "-> 8" },
        { "maxReplicas below the rate limit caps", 2, 0.1, HpaSelectPolicy.Max, 5, 5, HpaRules.Bound, "capped at maxReplicas 5" },
    };

    [Theory]
    [MemberData(nameof(ScaleUpCases))]
    public void Decide_ScaleUp_AppliesDefaultPoliciesSelectPolicyAndMax(string name, int current, double target, HpaSelectPolicy select,
        int max, int expected, string rule, string fragment)
    {
        var policy = Hpa(Target(target, o => o.ScaleUp.SelectPolicy = select));

        var decision = policy.Decide(Context(Uniform(15, current, 1.0), current, max: max));

        Assert.True(expected == decision.DesiredReplicas, $"{name}: expected {expected}, got {decision.DesiredReplicas}: {decision.Explanation}");
        Assert.Equal(rule, decision.Rule);
        Assert.Contains(fragment, decision.Explanation);
    }

    [Fact]
    public void Decide_ScaleUpPolicyPeriod_CountsScaleEventsWithinThePeriod()
    {
        var policy = Hpa(Target(0.1, o => o.ScaleUp.Policies = [new() { Type = HpaPolicyType.Pods, Value = 4, Period = TimeSpan.FromSeconds(60) }]));

        var decisions = Run(policy, current: 2, firstEnd: 15, steps: 5, _ => 1.0);

        // +4 at t=15; the event stays within the 60 s period until t=75 (strictly after the cutoff counts).
        Assert.Equal([6, 6, 6, 6, 10], decisions.Select(d => d.DesiredReplicas));
        Assert.Equal(HpaRules.RateLimited, decisions[1].Rule);
    }

    [Fact]
    public void Decide_ScaleDownDefaultStabilization_WaitsForHigherRecommendationToLeave300sWindow()
    {
        var policy = Hpa();

        var decisions = Run(policy, current: 10, firstEnd: 15, steps: 22, i => i == 0 ? 0.7 : 0.35);

        // Recommendation 10 at t=15, then 5 from t=30: held at 10 while t - 15 < 300, i.e. until t=315 (step 20).
        Assert.All(decisions.Take(20), d => Assert.Equal(10, d.DesiredReplicas));
        Assert.Equal(HpaRules.Stabilized, decisions[1].Rule);
        Assert.Contains("scale-down stabilized at 10", decisions[1].Explanation);
        Assert.Equal(5, decisions[20].DesiredReplicas);
        Assert.Equal(HpaRules.ScaleDown, decisions[20].Rule);
    }

    [Fact]
    public void Decide_ScaleDownStabilizationZero_ScalesDownAtOnce()
    {
        var policy = Hpa(Target(0.7, o => o.ScaleDown.StabilizationWindow = TimeSpan.Zero));

        var decisions = Run(policy, current: 10, firstEnd: 15, steps: 2, i => i == 0 ? 0.7 : 0.35);

        Assert.Equal([10, 5], decisions.Select(d => d.DesiredReplicas));
    }

    [Fact]
    public void Decide_ScaleUpStabilizationWindow_TakesLowestRecommendation()
    {
        var policy = Hpa(Target(0.7, o => o.ScaleUp.StabilizationWindow = TimeSpan.FromSeconds(60)));

        var decisions = Run(policy, current: 4, firstEnd: 15, steps: 5, i => i == 0 ? 0.7 : 1.4);

        Assert.Equal([4, 4, 4, 4, 8], decisions.Select(d => d.DesiredReplicas));
        Assert.Equal(HpaRules.Stabilized, decisions[1].Rule);
        Assert.Contains("scale-up stabilized at 4", decisions[1].Explanation);
    }

    public static TheoryData<string, HpaScalingPolicy[]?, HpaSelectPolicy, int, int, int, string> ScaleDownCases => new()
    {
        // name, policies (null = default), selectPolicy, min, current, expected, rule
        { "default 100% per 15s allows the full step", null, HpaSelectPolicy.Max, 1, 10, 1, HpaRules.ScaleDown },
        { "1 pod per 15s", [new() { Type = HpaPolicyType.Pods, Value = 1 }], HpaSelectPolicy.Max, 1, 10, 9, HpaRules.RateLimited },
        { "10% per 15s truncates", [new() { Type = HpaPolicyType.Percent, Value = 10 }], HpaSelectPolicy.Max, 1, 10, 9, HpaRules.RateLimited },
        { "Max picks the larger change", [new() { Type = HpaPolicyType.Pods, Value = 1 }, new() { Type = HpaPolicyType.Percent, Value = 50 }], HpaSelectPolicy.Max, 1, 10, 5, HpaRules.RateLimited },
        { "Min picks the smaller change", [new() { Type = HpaPolicyType.Pods, Value = 1 }, new() { Type = HpaPolicyType.Percent, Value = 50 }], HpaSelectPolicy.Min, 1, 10, 9, HpaRules.RateLimited },
        { "Disabled keeps the count", null, HpaSelectPolicy.Disabled, 1, 10, 10, HpaRules.RateLimited },
        { "minReplicas floors the result", null, HpaSelectPolicy.Max, 3, 10, 3, HpaRules.Bound },
    };

    [Theory]
    [MemberData(nameof(ScaleDownCases))]
    public void Decide_ScaleDown_AppliesPoliciesSelectPolicyAndMin(string name, HpaScalingPolicy[]? policies, HpaSelectPolicy select,
        int min, int current, int expected, string rule)
    {
        var policy = Hpa(Target(0.7, o =>
        {
            o.ScaleDown.StabilizationWindow = TimeSpan.Zero;
            o.ScaleDown.Policies = policies?.ToList();
            o.ScaleDown.SelectPolicy = select;
        }));

        var decision = policy.Decide(Context(Uniform(15, current, 0.07), current, min: min));

        Assert.True(expected == decision.DesiredReplicas, $"{name}: expected {expected}, got {decision.DesiredReplicas}: {decision.Explanation}");
        Assert.Equal(rule, decision.Rule);
    }

    [Theory]
    [InlineData(12, 1, 10, 10, HpaRules.Bound)]
    [InlineData(1, 3, 10, 3, HpaRules.Bound)]
    [InlineData(0, 1, 10, 0, HpaRules.Disabled)]
    public void Decide_CurrentOutsideBoundsOrZero_FollowsKubernetes(int current, int min, int max, int expected, string rule)
    {
        var decision = Hpa().Decide(Context(Uniform(15, Math.Max(current, 1), 0.7), current, min, max));

        Assert.Equal(expected, decision.DesiredReplicas);
        Assert.Equal(rule, decision.Rule);
    }

    [Fact]
    public void Decide_WithinSyncPeriod_KeepsCurrentCount()
    {
        var policy = Hpa();
        policy.Decide(Context(Uniform(15, 4, 0.7), 4));

        var early = policy.Decide(Context(Uniform(25, 4, 1.4), 4));
        var onTime = policy.Decide(Context(Uniform(30, 4, 1.4), 4));

        Assert.Equal(4, early.DesiredReplicas);
        Assert.Equal(HpaRules.SyncPeriod, early.Rule);
        Assert.Equal(8, onTime.DesiredReplicas);
    }

    [Fact]
    public void Decide_WithinTolerance_KeepsCountAndSaysWhy()
    {
        var decision = Hpa().Decide(Context(Uniform(15, 4, 0.75), 4));

        Assert.Equal(4, decision.DesiredReplicas);
        Assert.Equal(HpaRules.WithinTolerance, decision.Rule);
        Assert.Equal("utilization 0.75 vs target 0.70 on 4 ready replicas -> 4 (ratio 1.07 within tolerance 0.10)", decision.Explanation);
    }

    [Fact]
    public void Decide_ReplicasMissingFromWindow_TreatedAsMissingPods()
    {
        var decision = Hpa().Decide(Context(Uniform(15, 2, 1.4), current: 4));

        Assert.Equal(4, decision.DesiredReplicas);
        Assert.Equal(2, decision.Inputs["missingReplicas"]);
        Assert.Contains("(0 not ready, 2 missing)", decision.Explanation);
    }

    [Fact]
    public void Decide_NotReadyReplicasOnScaleUp_CountAsZero()
    {
        var decision = Hpa().Decide(Context(Window(15, [1.4, 1.4], unready: 1), current: 3));

        Assert.Equal(4, decision.DesiredReplicas);
        Assert.Equal(1, decision.Inputs["unreadyReplicas"]);
    }

    [Fact]
    public void Decide_WindowWithoutReplicaFeatures_UsesAggregateUtilization()
    {
        var window = Uniform(15, 0, 0) with { Replicas = 4, ReadyReplicas = 4, Utilization = 1.05 };

        var decision = Hpa().Decide(Context(window, current: 4));

        Assert.Equal(6, decision.DesiredReplicas);
    }

    [Fact]
    public void Decide_NoReadyReplicaMetrics_KeepsCount()
    {
        var decision = Hpa().Decide(Context(Window(15, [], unready: 3), current: 3));

        Assert.Equal(3, decision.DesiredReplicas);
        Assert.Equal(HpaRules.NoMetrics, decision.Rule);
    }

    [Fact]
    public void Decide_ScaleUp_ExplanationIdAndInputs()
    {
        var decision = Hpa().Decide(Context(Uniform(15, 4, 0.92), 4));

        Assert.Equal(6, decision.DesiredReplicas);
        Assert.Equal(HpaRules.ScaleUp, decision.Rule);
        Assert.Equal("utilization 0.92 vs target 0.70 on 4 ready replicas -> 6", decision.Explanation);
        Assert.Equal("web/hpa/2026-01-01T00:00:15.0000000Z", decision.Id);
        Assert.Equal(AutoscalingPolicyNames.Hpa, decision.Policy);
        Assert.Equal(0.92, decision.Inputs["utilization"], 9);
        Assert.Equal(6, decision.Inputs["recommendedReplicas"]);
    }

    [Fact]
    public void Decide_SameInputs_SameDecisions()
    {
        IEnumerable<string> Trace() => Run(Hpa(), 3, 15, 40, i => 0.3 + 0.6 * Math.Abs(Math.Sin(i / 5.0)))
            .Select(d => $"{d.Id} {d.DesiredReplicas} {d.Rule} {d.Explanation}");

        Assert.Equal(Trace(), Trace());
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => Hpa(new HpaOptions { TargetUtilization = 0 }));
        Assert.Contains("TargetUtilization", error.Message);
    }
}

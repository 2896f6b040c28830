using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Predictor.Service;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Stages.Tests.Predictor;

public sealed class PredictorProcessorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static FeatureWindow Window(int index, double utilization, int replicas = 4) => new()
    {
        Service = "web",
        WindowStart = T0.AddSeconds(15 * index),
        WindowEnd = T0.AddSeconds(15 * (index + 1)),
        SampleCount = replicas * 15,
        Replicas = replicas,
        ReadyReplicas = replicas,
        RequestRate = 100,
        Utilization = utilization,
        ReplicaFeatures = [.. Enumerable.Range(0, replicas).Select(i => new ReplicaFeatures { Replica = $"web-{i}", Utilization = utilization })],
    };

    private static PredictorOptions Hpa() => new() { AutoscalingPolicy = "hpa", RoutingPolicy = "equal", ShadowPolicy = "" };

    [Fact]
    public void Process_Window_ScaleAndRouteDecisionAtTheWindowEnd()
    {
        var processor = PredictorPolicies.CreateProcessor(Hpa());
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.Features, "web", Window(0, 1.4)), output);

        var decision = Assert.Single(output.Of<ScaleDecision>());
        Assert.Equal((T0.AddSeconds(15), 4, 8, "hpa"), (decision.Timestamp, decision.CurrentReplicas, decision.DesiredReplicas, decision.Policy));
        Assert.False(string.IsNullOrWhiteSpace(decision.Explanation));
        Assert.Equal(4, Assert.Single(output.Of<RouteDecision>()).Weights.Count);
    }

    [Fact]
    public void Process_WindowOfServiceBeyondMaxServices_DeadLetteredAsLimit_KnownServicesStillDecided()
    {
        var options = Hpa();
        options.MaxServices = 2;
        var processor = PredictorPolicies.CreateProcessor(options);
        var output = new RecordingStageOutput();

        foreach (var service in new[] { "a", "b", "c", "a" })
            processor.Process(Inputs.Of(TopicNames.Features, service, Window(0, 0.5) with { Service = service }), output);

        Assert.Equal(["a", "b", "a"], output.Of<ScaleDecision>().Select(d => d.Service));
        var reason = Assert.Single(output.DeadLetters);
        Assert.StartsWith("limit: the predictor already decides for 2 services", reason);
        Assert.Contains("service c", reason);
    }

    [Fact]
    public void Process_ServiceIdlePastEvictIdleAfter_ForgottenAndItsPlaceFreed()
    {
        var options = Hpa();
        options.MaxServices = 1;
        options.EvictIdleAfter = TimeSpan.FromHours(1);
        var processor = PredictorPolicies.CreateProcessor(options);
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.Features, "a", Window(0, 0.5) with { Service = "a" }), output);
        processor.Process(Inputs.Of(TopicNames.Actuations, "a", Applied(output.Of<ScaleDecision>().Single(), 9)), output);
        processor.Process(Inputs.Of(TopicNames.Features, "a", Window(1, 0.5) with { Service = "a" }), output);
        processor.Process(Inputs.Of(TopicNames.Features, "b", Window(10, 0.5) with { Service = "b" }), output);     // a still held: b refused
        processor.Process(Inputs.Of(TopicNames.Features, "b", Window(4 * 60 + 1, 0.5) with { Service = "b" }), output); // an hour on: a evicted, b in
        processor.Process(Inputs.Of(TopicNames.Features, "a", Window(4 * 60 + 2, 0.5) with { Service = "a" }), output); // b now holds the place

        Assert.Equal(["a", "a", "b"], output.Of<ScaleDecision>().Select(d => d.Service));
        Assert.Equal(9, output.Of<ScaleDecision>().ElementAt(1).CurrentReplicas);
        Assert.Equal(2, output.DeadLetters.Count);
        Assert.All(output.DeadLetters, reason => Assert.StartsWith("limit:", reason));
    }

    /// <summary>The actuator's result for <paramref name="decision"/>: applied with <paramref name="replicas"/>.</summary>
    private static ActuationResult Applied(ScaleDecision decision, int replicas) => new()
    {
        DecisionId = decision.Id, Kind = "scale", Service = decision.Service, Target = "simulator", Timestamp = T0, Status = ActuationStatuses.Applied,
        PreviousReplicas = decision.CurrentReplicas, AppliedReplicas = replicas,
    };

    [Fact]
    public void Process_EvictionOff_IdleServiceKeepsItsPlace()
    {
        var options = Hpa();
        options.MaxServices = 1;
        options.EvictIdleAfter = TimeSpan.Zero;
        var processor = PredictorPolicies.CreateProcessor(options);
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.Features, "a", Window(0, 0.5) with { Service = "a" }), output);
        processor.Process(Inputs.Of(TopicNames.Features, "b", Window(24 * 240, 0.5) with { Service = "b" }), output);

        Assert.Equal(["a"], output.Of<ScaleDecision>().Select(d => d.Service));
        Assert.Single(output.DeadLetters);
    }

    [Fact]
    public void Process_AfterAppliedActuation_CurrentReplicasIsTheAppliedCount()
    {
        var processor = PredictorPolicies.CreateProcessor(Hpa());
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.Features, "web", Window(0, 0.7)), output);
        processor.Process(Inputs.Of(TopicNames.Actuations, "web", Applied(output.Of<ScaleDecision>().Single(), 6)), output);
        processor.Process(Inputs.Of(TopicNames.Features, "web", Window(1, 0.7)), output);

        Assert.Equal(6, output.Of<ScaleDecision>().Last().CurrentReplicas);
    }

    [Fact]
    public void Process_ForgedActuationForADecisionNeverIssued_NotFollowed()
    {
        var processor = PredictorPolicies.CreateProcessor(Hpa());
        var output = new RecordingStageOutput();
        var forged = Applied(new ScaleDecision { Id = "forged", Service = "web", Timestamp = T0, Policy = "hpa", Explanation = "" }, 1);

        processor.Process(Inputs.Of(TopicNames.Actuations, "web", forged), output);
        processor.Process(Inputs.Of(TopicNames.Features, "web", Window(1, 0.7)), output);

        Assert.Equal(4, Assert.Single(output.Of<ScaleDecision>()).CurrentReplicas);
        Assert.Empty(output.DeadLetters);
    }

    [Fact]
    public void Process_WindowEndingBeforeItStarts_DeadLettered()
    {
        var output = new RecordingStageOutput();
        var bad = Window(0, 0.5) with { WindowEnd = T0.AddSeconds(-1) };

        PredictorPolicies.CreateProcessor(new PredictorOptions()).Process(Inputs.Of(TopicNames.Features, "web", bad), output);

        Assert.Contains("windowEnd", Assert.Single(output.DeadLetters));
        Assert.Empty(output.Published);
    }

    [Fact]
    public void Process_DefaultOptions_PredictiveActsWithLearnedRoutingAndSaysWhatTheShadowHpaWouldDo()
    {
        var processor = PredictorPolicies.CreateProcessor(new PredictorOptions());
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.Features, "web", Window(0, 1.4)), output);

        var decision = Assert.Single(output.Of<ScaleDecision>());
        Assert.Equal(("predictive", "hpa", 8), (decision.Policy, decision.ShadowPolicy, decision.ShadowReplicas));
        Assert.EndsWith("; hpa would ask 8 (rate-limited)", decision.Explanation); // 4 x 1.4 / 0.6 = 10, limited to +4 pods
        Assert.Equal("learned", Assert.Single(output.Of<RouteDecision>()).Policy);
    }

    [Fact]
    public void CreateProcessor_UnknownPolicy_RejectedListingKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => PredictorPolicies.CreateProcessor(new PredictorOptions { AutoscalingPolicy = "magic" }));

        Assert.Contains("hpa", e.Message);
    }
}

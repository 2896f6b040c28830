using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Control;
using Pipeline.Simulator.Load;
using Pipeline.TestSupport.Kafka;
using Pipeline.TestSupport.Time;

namespace Pipeline.Stages.Tests.Actuator;

public sealed class ActuatorProcessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SimulatedCluster Cluster() => new(new SimulatedClusterOptions { Start = Now },
        [new ServiceOptions { Name = "web", Load = new ConstantLoadProfile(10), InitialReplicas = 2 }]);

    private static ScaleDecision Decision(string id, int desired, string mode = DecisionModes.Act, int windowEndSeconds = 15) => new()
    {
        Id = id, Service = "web", Timestamp = Now, WindowEnd = Now.AddSeconds(windowEndSeconds), Policy = "hpa", CurrentReplicas = 2,
        DesiredReplicas = desired, Mode = mode, Explanation = "test",
    };

    private static (ActuatorProcessor Processor, SimulatedCluster Cluster) Create(int min = 1, int max = 10, TimeSpan? maxAge = null, TimeProvider? time = null)
    {
        var cluster = Cluster();
        var options = new ActuatorOptions { Target = ActuatorTargetNames.Simulator, MinReplicas = min, MaxReplicas = max, MaxDecisionAge = maxAge };
        return (new ActuatorProcessor(new Actuation(new SimulatorTarget(cluster), options, time ?? TimeProvider.System)), cluster);
    }

    [Fact]
    public void Process_DecisionForOlderWindowThanOneApplied_ReportedStaleAndNotApplied()
    {
        var (processor, cluster) = Create();
        var output = new RecordingStageOutput();
        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("w30", 5, windowEndSeconds: 30)), output);

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("w15", 8, windowEndSeconds: 15)), output);
        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("w45", 6, windowEndSeconds: 45)), output);

        var results = output.Of<ActuationResult>();
        Assert.Equal(new[] { ActuationStatuses.Applied, ActuationStatuses.Stale, ActuationStatuses.Applied }, results.Select(r => r.Status));
        Assert.StartsWith("stale: window end 2026-01-01T00:00:15.0000000Z is older than 2026-01-01T00:00:30.0000000Z", results[1].Message);
        Assert.Equal(6, cluster.Counts("web").Desired);
    }

    [Fact]
    public void Process_DecisionOlderThanMaxAge_ReportedStaleAndNotApplied()
    {
        var time = new ManualTimeProvider(Now.AddMinutes(10));
        var (processor, cluster) = Create(maxAge: TimeSpan.FromMinutes(2), time: time);
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("old", 9)), output);

        var result = Assert.Single(output.Of<ActuationResult>());
        Assert.Equal(ActuationStatuses.Stale, result.Status);
        Assert.Equal("stale: decided 600 s before it arrived (limit 120 s; a replay or a new consumer group); ignored", result.Message);
        Assert.Equal(2, cluster.Counts("web").Desired);
    }

    [Fact]
    public void Process_ScaleDecision_AppliedToClusterAndReported()
    {
        var (processor, cluster) = Create();
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("d1", 5)), output);

        Assert.Equal(5, cluster.Counts("web").Desired);
        var result = Assert.Single(output.Of<ActuationResult>());
        Assert.Equal((ActuationStatuses.Applied, 2, 5, "d1"), (result.Status, result.PreviousReplicas, result.AppliedReplicas, result.DecisionId));
        Assert.Equal(TopicNames.Actuations, output.Published[0].Topic);
    }

    [Fact]
    public void Process_SameDecisionIdTwice_SecondReportedDuplicateAndNotApplied()
    {
        var (processor, cluster) = Create();
        var output = new RecordingStageOutput();
        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("d1", 5)), output);
        cluster.SetDesiredReplicas("web", 3);

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("d1", 5)), output);

        Assert.Equal(3, cluster.Counts("web").Desired);
        Assert.Equal(ActuationStatuses.Duplicate, output.Of<ActuationResult>()[1].Status);
    }

    [Theory]
    [InlineData(40, 10)]
    [InlineData(0, 2)]
    public void Process_DesiredOutsideBounds_ClampedIntoThem(int desired, int expected)
    {
        var (processor, cluster) = Create(min: 2, max: 10);
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("d", desired)), output);

        Assert.Equal(expected, cluster.Counts("web").Desired);
        var result = Assert.Single(output.Of<ActuationResult>());
        Assert.Equal(ActuationStatuses.Clamped, result.Status);
        Assert.Contains("clamped", result.Message);
    }

    [Fact]
    public void Process_RecommendMode_PublishedButNotApplied()
    {
        var (processor, cluster) = Create();
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("d", 7, DecisionModes.Recommend)), output);

        Assert.Equal(2, cluster.Counts("web").Desired);
        Assert.Equal(ActuationStatuses.RecommendOnly, Assert.Single(output.Of<ActuationResult>()).Status);
    }

    [Fact]
    public void Process_NegativeDesired_DeadLetteredNamingTheField()
    {
        var (processor, _) = Create();
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("d", -1)), output);

        Assert.Empty(output.Published);
        Assert.Contains("desiredReplicas", Assert.Single(output.DeadLetters));
    }

    [Theory]
    [InlineData("..", "must not be only dots")]
    [InlineData("../etc", "must match")]
    [InlineData("a/b", "must match")]
    [InlineData("web\u0000x", "must match")]
    [InlineData("", "is required")]
    public void Process_HostileServiceId_DeadLetteredWithReason_NothingApplied(string service, string problem)
    {
        var (processor, cluster) = Create();
        var output = new RecordingStageOutput();
        service = System.Text.RegularExpressions.Regex.Unescape(service);

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("d", 5) with { Service = service }), output);

        Assert.Empty(output.Published);
        Assert.Contains($"invalid: service: {problem}", Assert.Single(output.DeadLetters));
        Assert.Equal(2, cluster.Counts("web").Desired);
    }

    [Fact]
    public void Process_UnknownServiceOnSimulator_ReportedFailedWithTheTargetsReason()
    {
        var (processor, cluster) = Create();
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "api", Decision("d", 3) with { Service = "api" }), output);

        var result = Assert.Single(output.Of<ActuationResult>());
        Assert.Equal(ActuationStatuses.Failed, result.Status);
        Assert.Contains("service 'api' is not in the simulated cluster", result.Message);
        Assert.Equal(2, cluster.Counts("web").Desired);
    }

    [Fact]
    public void Process_DryRunTarget_ReportsWouldBeChangeAsRecommendOnly()
    {
        var processor = new ActuatorProcessor(new Actuation(ActuatorTargets.CreateDefault().Create(ActuatorTargetNames.DryRun), new ActuatorOptions(), TimeProvider.System));
        var output = new RecordingStageOutput();

        processor.Process(Inputs.Of(TopicNames.ScaleDecisions, "web", Decision("d", 4)), output);

        var result = Assert.Single(output.Of<ActuationResult>());
        Assert.Equal(ActuationStatuses.RecommendOnly, result.Status);
        Assert.Contains("would scale web from 0 to 4", result.Message);
    }

    [Fact]
    public void Process_RouteDecisionWithNegativeWeight_DeadLettered()
    {
        var (processor, _) = Create();
        var output = new RecordingStageOutput();
        var route = new RouteDecision
        {
            Id = "r", Service = "web", Timestamp = Now, Policy = "equal", Explanation = "x",
            Weights = new Dictionary<string, double> { ["web-0"] = 1, ["web-1"] = -2 },
        };

        processor.Process(Inputs.Of(TopicNames.RouteDecisions, "web", route), output);

        Assert.Contains("weights[web-1]", Assert.Single(output.DeadLetters));
    }

    [Fact]
    public void Create_UnknownTargetName_RejectedListingKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => ActuatorTargets.CreateDefault().Create("nomad"));

        Assert.Contains("known: dry-run, kubernetes, simulator", e.Message);
    }

    [Fact]
    public void CoPartitioned_DecisionTopicsOfEqualPartitionCounts_OwnedTogether()
    {
        var (processor, _) = Create();

        // Partition i of both decision topics holds the same services only while their partition counts are equal.
        Assert.True(processor.CoPartitioned);
        Assert.Single(TopicNames.All.Where(t => processor.InputTopics.Contains(t.Name)).Select(t => t.Partitions).Distinct());
        Assert.Equal(2, TopicNames.All.Count(t => processor.InputTopics.Contains(t.Name)));
    }
}
